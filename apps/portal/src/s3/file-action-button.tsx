import { StoredFile } from '../api/s3.api';

interface FileActionButtonProps {
  file: StoredFile;
  /** The button's text, and with the file's key its accessible name (`Download a/b.png`). */
  label: string;
  testId: string;
  onAction: (file: StoredFile) => Promise<void>;
}

/** One action of a file row (download, delete). */
export function FileActionButton({ file, label, testId, onAction }: FileActionButtonProps) {
  return (
    <button type="button" data-testid={testId} onClick={() => void onAction(file)} aria-label={`${label} ${file.key}`}>
      {label}
    </button>
  );
}
