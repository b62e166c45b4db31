import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { leads } from '@/lib/db';
import { renderRootEachTest, until } from '@/test/component';
import { sampleLeads } from '@/test/sample-leads';
import { ExportButtons } from './ExportButtons';

const root = renderRootEachTest();

const buttons = () =>
  [...root().querySelectorAll('button')].map((b) => ({ text: b.textContent, disabled: b.disabled }));

describe('ExportButtons', () => {
  it('offers CSV and JSON for all leads or a filter, and vCard too for a selection', () => {
    render(<ExportButtons />, root());
    expect(buttons().map((b) => b.text)).toEqual(['Export CSV', 'Export JSON']);
    render(<ExportButtons ids={['a']} />, root());
    expect(buttons().map((b) => b.text)).toEqual(['Export CSV', 'Export JSON', 'Export vCard']);
    expect(root().querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Export');
  });

  it('is disabled for an empty selection', () => {
    render(<ExportButtons ids={[]} label="Export the selection" />, root());
    expect(buttons().every((b) => b.disabled)).toBe(true);
  });

  it('downloads the CSV of the selected leads through a Blob URL and says how many', async () => {
    const stored = sampleLeads(3);
    await leads.bulkPut(stored);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<ExportButtons ids={[stored[0]?.id ?? '', stored[2]?.id ?? '']} />, root());
    await act(() => (root().querySelector('button') as HTMLButtonElement).click());
    await until(() => root().textContent?.includes('Exported 2 leads.') ?? false);
    expect(clicks[0]).toMatch(/^prospector-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await blobs[0]?.text();
    expect(text?.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(text).toContain('person-2@company2-example.com');
    expect(text).not.toContain('person-1@');
  });
});
