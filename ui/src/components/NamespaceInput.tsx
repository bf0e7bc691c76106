// A namespace field (with the namespaces the UI has seen as suggestions); applying it changes the
// view's `ns` URL parameter.
import { useState } from 'react';

interface Props {
  value: string;
  suggestions?: string[];
  onChange: (ns: string) => void;
  allowAll?: boolean;
}

export function NamespaceInput({ value, suggestions = [], onChange, allowAll }: Props) {
  const [text, setText] = useState(value);
  return (
    <form
      className="ns-input"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(text.trim());
      }}
    >
      <label>
        Namespace{' '}
        <input
          value={text}
          list="ns-suggestions"
          placeholder={allowAll ? 'all namespaces' : 'namespace'}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text.trim() !== value && onChange(text.trim())}
        />
      </label>
      <datalist id="ns-suggestions">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </form>
  );
}
