import { KeyboardEvent, useRef } from 'react';

export type SectionId = 'ai' | 's3';
const SECTIONS: Array<{ id: SectionId; label: string }> = [
  { id: 'ai', label: 'AI Image' },
  { id: 's3', label: 'S3 Storage' },
];

interface SectionTabsProps {
  current: SectionId;
  onSelect: (id: SectionId) => void;
}

/** The two sections as an ARIA tab list: click, or arrow keys / Home / End when focused. */
export function SectionTabs({ current, onSelect }: SectionTabsProps) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (e: KeyboardEvent, index: number) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: SECTIONS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = (next + SECTIONS.length) % SECTIONS.length;
    refs.current[target]?.focus();
    onSelect(SECTIONS[target]!.id);
  };
  return (
    <div className="tabs" role="tablist" aria-label="Sections">
      {SECTIONS.map((s, i) => (
        <button
          key={s.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${s.id}`}
          data-testid={`tab-${s.id}`}
          aria-selected={current === s.id}
          aria-controls={`panel-${s.id}`}
          tabIndex={current === s.id ? 0 : -1}
          onClick={() => onSelect(s.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
