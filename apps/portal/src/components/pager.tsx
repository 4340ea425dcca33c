interface PagerProps {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / next page buttons with the position, for the offset-paged lists (gallery, logs). */
export function Pager({ label, page, pages, onPage }: PagerProps) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next
      </button>
    </nav>
  );
}
