/** Where the seed's messages for a missing feature or a key of the wrong kind appear. */
export function PortalMessage({ text }: { text: string }) {
  return (
    <p className="portal-message" role="status" data-testid="portal-message">
      {text}
    </p>
  );
}
