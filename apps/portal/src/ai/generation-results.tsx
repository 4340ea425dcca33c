import { GenerationResult } from '../api/ai-image.api';

/** The images of the last generation with their size, and the usage it reported. */
export function GenerationResults({ result, busy }: { result: GenerationResult | undefined; busy: boolean }) {
  if (!result) return <p className="muted">{busy ? 'Generating…' : 'Your generated images will appear here.'}</p>;
  return (
    <div className="results" aria-live="polite">
      <p>
        {result.model}: {result.usage.generated_images} image(s), {result.usage.total_tokens} tokens
      </p>
      <ul className="image-grid">
        {result.data.map((image, i) => (
          <li key={i}>
            {image.url || image.b64_json ? (
              <figure>
                <img
                  data-testid="generated-image"
                  src={image.url ?? `data:image/jpeg;base64,${image.b64_json}`}
                  alt={`Generated image ${i + 1}`}
                />
                <figcaption>{image.size}</figcaption>
              </figure>
            ) : (
              <p className="error">{image.error?.message ?? 'This image failed'}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
