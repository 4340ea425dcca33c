import { ChangeEvent } from 'react';
import { MAX_REFERENCE_BYTES } from './models';

interface ReferencePickerProps {
  onChange: (dataUrl: string | undefined) => void;
  onError: (message: string) => void;
}

/** An optional reference image, sent as a base64 `data:` URL. */
export function ReferencePicker({ onChange, onError }: ReferencePickerProps) {
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return onChange(undefined);
    if (file.size > MAX_REFERENCE_BYTES) {
      e.target.value = '';
      onChange(undefined);
      return onError('A reference image may be at most 10 MB');
    }
    const reader = new FileReader();
    reader.onload = () => onChange(String(reader.result));
    reader.onerror = () => onError('The reference image could not be read');
    reader.readAsDataURL(file);
  };
  return (
    <>
      <label htmlFor="gen-reference">Reference image (optional)</label>
      <input
        id="gen-reference"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/bmp,image/tiff,image/gif"
        onChange={pick}
      />
    </>
  );
}
