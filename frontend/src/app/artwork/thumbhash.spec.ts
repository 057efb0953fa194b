import { placeholderDataUrl } from './thumbhash';

// An 8×4 orange-to-pink gradient, encoded by the api's `rgbaToThumbHash`.
const HASH = '3psKNJh2d3eAiHh3iId2gJf4iA==';

describe('placeholderDataUrl', () => {
  it('decodes a base64 ThumbHash into a PNG data URL', () => {
    expect(placeholderDataUrl(HASH)).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  });

  it('accepts URL-safe base64 without padding', () => {
    expect(placeholderDataUrl(HASH.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'))).toBe(
      placeholderDataUrl(HASH),
    );
  });

  it('gives null for a missing or unreadable hash', () => {
    expect(placeholderDataUrl(null)).toBeNull();
    expect(placeholderDataUrl('')).toBeNull();
    expect(placeholderDataUrl('AAA')).toBeNull();
    expect(placeholderDataUrl('not base64!')).toBeNull();
  });
});
