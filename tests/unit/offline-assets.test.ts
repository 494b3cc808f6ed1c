import { describe, expect, it } from 'vitest';
import { megabytes, sizeFromHeaders, uniqueUrls } from '../../src/lib/shell/offline-assets';

const headers = (h: Record<string, string>) => new Headers(h);

describe('offline assets', () => {
  it('shows megabytes with one decimal', () => {
    expect(megabytes(4_200_000)).toBe('4.2');
    expect(megabytes(18_949_999)).toBe('18.9');
    expect(megabytes(0)).toBe('0.0');
    expect(megabytes(-5)).toBe('0.0');
  });

  it('reads a file size from a ranged answer, or its length', () => {
    expect(sizeFromHeaders(headers({ 'content-range': 'bytes 0-0/12997272' }))).toBe(12997272);
    expect(sizeFromHeaders(headers({ 'content-length': '4486744' }))).toBe(4486744);
    expect(sizeFromHeaders(headers({}))).toBeNull();
    expect(sizeFromHeaders(headers({ 'content-range': 'bytes */*' }))).toBeNull();
  });

  it('keeps each URL once', () => {
    expect(uniqueUrls(['/a', '/b', '/a'])).toEqual(['/a', '/b']);
  });
});
