/** An error answer of the API, announced to screen readers. */
export function ErrorText({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
