import type { S3Credentials } from '../api/s3.api';

export interface Snippet {
  id: 'aws-cli' | 'boto3' | 'aws-sdk';
  title: string;
  code: string;
}

/** Seed 002's three examples with this key's values in place of YOUR_ENDPOINT, YOUR_BUCKET, … */
export function credentialSnippets(c: S3Credentials): Snippet[] {
  const awsCli = [
    '# Configure',
    `aws configure set aws_access_key_id ${c.access_key_id}`,
    `aws configure set aws_secret_access_key ${c.secret_access_key}`,
    `aws configure set default.region ${c.region}`,
    '# List files',
    `aws s3 ls s3://${c.bucket} --endpoint-url ${c.endpoint}`,
    '# Upload file',
    `aws s3 cp myfile.txt s3://${c.bucket}/myfile.txt --endpoint-url ${c.endpoint}`,
    '# Download file',
    `aws s3 cp s3://${c.bucket}/myfile.txt ./myfile.txt --endpoint-url ${c.endpoint}`,
  ];
  const boto3 = [
    'import boto3',
    "s3 = boto3.client('s3',",
    `    endpoint_url='${c.endpoint}',`,
    `    aws_access_key_id='${c.access_key_id}',`,
    `    aws_secret_access_key='${c.secret_access_key}',`,
    `    region_name='${c.region}')`,
    '# Upload',
    `s3.upload_file('myfile.txt', '${c.bucket}', 'myfile.txt')`,
    '# Download',
    `s3.download_file('${c.bucket}', 'myfile.txt', './myfile.txt')`,
    '# List',
    `response = s3.list_objects_v2(Bucket='${c.bucket}')`,
    "for obj in response.get('Contents', []):",
    "    print(obj['Key'], obj['Size'])",
  ];
  const awsSdk = [
    "const { S3Client, PutObjectCommand, ListObjectsV2Command } = require('@aws-sdk/client-s3');",
    "const fs = require('fs');",
    'const s3 = new S3Client({',
    `  endpoint: '${c.endpoint}',`,
    `  region: '${c.region}',`,
    '  credentials: {',
    `    accessKeyId: '${c.access_key_id}',`,
    `    secretAccessKey: '${c.secret_access_key}',`,
    '  },',
    '  forcePathStyle: true,',
    '});',
    '// Upload',
    'await s3.send(new PutObjectCommand({',
    `  Bucket: '${c.bucket}',`,
    "  Key: 'myfile.txt',",
    "  Body: fs.readFileSync('myfile.txt'),",
    '}));',
    '// List',
    'const { Contents } = await s3.send(new ListObjectsV2Command({',
    `  Bucket: '${c.bucket}',`,
    '}));',
    'Contents.forEach(obj => console.log(obj.Key, obj.Size));',
  ];
  return [
    { id: 'aws-cli', title: 'AWS CLI', code: awsCli.join('\n') },
    { id: 'boto3', title: 'Python (boto3)', code: boto3.join('\n') },
    { id: 'aws-sdk', title: 'JavaScript (aws-sdk)', code: awsSdk.join('\n') },
  ];
}

/** The secret as dots but its last four characters, until the reader reveals it. */
export function maskSecret(secret: string): string {
  if (secret.length <= 4) return '•'.repeat(secret.length);
  return `${'•'.repeat(Math.min(16, secret.length - 4))}${secret.slice(-4)}`;
}

/** A snippet as shown: with the secret masked unless revealed. */
export function displayedSnippet(code: string, secret: string, revealed: boolean): string {
  return revealed || !secret ? code : code.split(secret).join(maskSecret(secret));
}
