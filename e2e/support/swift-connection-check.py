"""python-swiftclient's Connection API against the platform: argv = storage_url token.

Prints one JSON line with what it saw; the calling test checks it.
"""
import hashlib
import json
import sys

from swiftclient.client import Connection
from swiftclient.exceptions import ClientException

url, token = sys.argv[1], sys.argv[2]
conn = Connection(preauthurl=url, preauthtoken=token, retries=0)
seen = {}
conn.put_container('py-container', headers={'X-Container-Meta-Owner': 'python'})
body = b'bytes from python-swiftclient\n'
seen['put_etag'] = conn.put_object('py-container', 'dir/file.txt', body, content_type='text/plain',
                                   headers={'X-Object-Meta-Kind': 'test'})
seen['md5'] = hashlib.md5(body).hexdigest()
headers, got = conn.get_object('py-container', 'dir/file.txt')
seen['body_ok'] = got == body
seen['meta'] = headers.get('x-object-meta-kind')
_, listing = conn.get_container('py-container', prefix='dir/', delimiter='/')
seen['listing'] = [item.get('name') or item.get('subdir') for item in listing]
account_headers, containers = conn.get_account()
seen['containers'] = [c['name'] for c in containers]
seen['container_count'] = account_headers.get('x-account-container-count')
conn.post_object('py-container', 'dir/file.txt', headers={'X-Object-Meta-Kind': 'changed'})
seen['meta_after_post'] = conn.head_object('py-container', 'dir/file.txt').get('x-object-meta-kind')
conn.copy_object('py-container', 'dir/file.txt', '/py-container/copy.txt')
seen['copy_etag'] = conn.head_object('py-container', 'copy.txt').get('etag')
# A static large object made with the Connection API: segments, the manifest, the whole body back.
parts = [b'first segment|', b'second segment|', b'third']
manifest = []
for i, part in enumerate(parts):
    etag = conn.put_object('py-container', 'segs/%d' % i, part)
    manifest.append({'path': '/py-container/segs/%d' % i, 'etag': etag, 'size_bytes': len(part)})
conn.put_object('py-container', 'large.bin', json.dumps(manifest), query_string='multipart-manifest=put')
slo_headers, slo_body = conn.get_object('py-container', 'large.bin')
seen['slo_body_ok'] = slo_body == b''.join(parts)
seen['slo_header'] = slo_headers.get('x-static-large-object')
_, stored = conn.get_object('py-container', 'large.bin', query_string='multipart-manifest=get')
seen['slo_segments'] = [s['name'] for s in json.loads(stored)]
conn.delete_object('py-container', 'large.bin', query_string='multipart-manifest=delete')
_, left = conn.get_container('py-container', prefix='segs/')
seen['slo_segments_left'] = len(left)
try:
    conn.delete_container('py-container')
    seen['delete_non_empty'] = 'deleted'
except ClientException as e:
    seen['delete_non_empty'] = e.http_status
for name in ('dir/file.txt', 'copy.txt'):
    conn.delete_object('py-container', name)
conn.delete_container('py-container')
try:
    conn.head_container('py-container')
    seen['after_delete'] = 'exists'
except ClientException as e:
    seen['after_delete'] = e.http_status
print(json.dumps(seen))
