import { describe, expect, it, vi } from 'vitest';
import type { PDFPageProxy } from 'pdfjs-dist';
import { pageText } from './pdf-page-text';

const content = { items: [], styles: {}, lang: null };

function fakePage(read: () => Promise<typeof content>) {
  const getTextContent = vi.fn(read);
  return { page: { getTextContent } as unknown as PDFPageProxy, getTextContent };
}

describe('pageText', () => {
  it('reads a page’s text once, however many parts of the viewer ask', async () => {
    const { page, getTextContent } = fakePage(async () => content);
    const [a, b] = await Promise.all([pageText(page), pageText(page)]);
    await pageText(page);
    expect(a).toBe(content);
    expect(b).toBe(content);
    expect(getTextContent).toHaveBeenCalledTimes(1);
    // Another page is its own read.
    const other = fakePage(async () => content);
    await pageText(other.page);
    expect(other.getTextContent).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed read: the next ask tries again', async () => {
    const { page, getTextContent } = fakePage(vi.fn<() => Promise<typeof content>>().mockRejectedValueOnce(new Error('worker gone')).mockResolvedValueOnce(content));
    await expect(pageText(page)).rejects.toThrow('worker gone');
    await expect(pageText(page)).resolves.toBe(content);
    expect(getTextContent).toHaveBeenCalledTimes(2);
  });
});
