// The time picker: relative presets (last 5m … 7d) and an absolute or custom from/to form; Escape
// closes it, every control is reachable with the keyboard.
import { useEffect, useRef, useState } from 'react';
import {
  RELATIVE_PRESETS, type TimeRange, describeRange, rangeFromInputs, toRfc3339,
} from './timeRange';

interface Props {
  range: TimeRange;
  onChange: (range: TimeRange) => void;
}

function inputsOf(range: TimeRange): [string, string] {
  if (range.kind === 'relative') return [`now-${range.last}`, 'now'];
  return [toRfc3339(range.start), toRfc3339(range.end)];
}

export function TimePicker({ range, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState('');
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const [f, t] = inputsOf(range);
    setFrom(f);
    setTo(t);
    setError('');
    panel.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, [open, range]);

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onChange(rangeFromInputs(from, to, Date.now()));
      setOpen(false);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <div className="picker" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        {describeRange(range)}
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label="Time range" ref={panel}>
          <div className="presets">
            {RELATIVE_PRESETS.map((p) => (
              <button
                key={p}
                type="button"
                className={range.kind === 'relative' && range.last === p ? 'active' : ''}
                onClick={() => {
                  onChange({ kind: 'relative', last: p });
                  setOpen(false);
                }}
              >
                Last {p}
              </button>
            ))}
          </div>
          <form onSubmit={apply} className="range-form">
            <label>
              From <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="now-1h or 2026-01-31T12:00:00Z" />
            </label>
            <label>
              To <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="now" />
            </label>
            {error && <div className="error" role="alert">{error}</div>}
            <button type="submit">Apply</button>
          </form>
        </div>
      )}
    </div>
  );
}
