import { useState } from 'react';
import { ApiClient } from '../api/api-client';
import { aiImageApi } from '../api/ai-image.api';
import { ErrorText } from '../components/error-text';
import { Pager } from '../components/pager';
import { useLoad } from '../components/use-load';
import { formatTime } from '../format/usage-figures';
import { MESSAGES } from '../messages';
import { pageCount } from './log-query';

const GALLERY_PAGE_SIZE = 12;

/** `GET /v1/gallery`, paged. */
export function Gallery({ api, round }: { api: ApiClient; round: number }) {
  const [page, setPage] = useState(1);
  const gallery = useLoad(() => aiImageApi.gallery(api, page, GALLERY_PAGE_SIZE), [api, page, round]);
  const images = gallery.data?.images ?? [];
  return (
    <section className="card" aria-labelledby="gallery-title">
      <h2 id="gallery-title">Gallery</h2>
      <ErrorText text={gallery.error} />
      {gallery.loading && !gallery.data && <p role="status">{MESSAGES.loadingGallery}</p>}
      {gallery.data && images.length === 0 && <p className="muted">No images yet.</p>}
      <ul className="image-grid" data-testid="gallery">
        {images.map((image) => (
          <li key={image.id}>
            <figure>
              <img src={image.s3_url} alt={image.prompt} loading="lazy" />
              <figcaption>
                {image.model} · {image.image_size} · {formatTime(image.created_at)}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
      {gallery.data && (
        <Pager
          label="Gallery pages"
          page={page}
          pages={pageCount(gallery.data.pagination.total, GALLERY_PAGE_SIZE)}
          onPage={setPage}
        />
      )}
    </section>
  );
}
