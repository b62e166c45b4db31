import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { InputField } from './InputField';

const root = document.createElement('div');
document.body.append(root);

function type(input: HTMLInputElement, text: string, event: 'input' | 'change') {
  input.value = text;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

describe('InputField', () => {
  it('labels its input, sets the type of its kind, and reports every keystroke', () => {
    const actual: string[] = [];
    render(
      <InputField id="f-url" label="Server URL" type="url" required value="" onValue={(v) => actual.push(v)} />,
      root,
    );
    const input = root.querySelector('input') as HTMLInputElement;
    expect(root.querySelector('label')?.htmlFor).toBe('f-url');
    expect(input.id).toBe('f-url');
    expect(input.type).toBe('url');
    expect(input.required).toBe(true);
    expect(root.firstElementChild?.className).toBe('field');
    type(input, 'https://a', 'input');
    type(input, 'https://a', 'change');
    expect(actual).toEqual(['https://a']);
  });

  it('with onCommit reports the change only, in the row class it was given', () => {
    const actual: string[] = [];
    render(
      <InputField
        id="f-day"
        label="From"
        type="date"
        rowClass="insights-field"
        onCommit
        value=""
        onValue={(v) => actual.push(v)}
      />,
      root,
    );
    const input = root.querySelector('input') as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(root.firstElementChild?.className).toBe('insights-field');
    type(input, '2026-03-01', 'input');
    expect(actual).toEqual([]);
    type(input, '2026-03-01', 'change');
    expect(actual).toEqual(['2026-03-01']);
  });
});
