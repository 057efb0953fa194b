import { linkify } from './linkify';

describe('linkify', () => {
  it('leaves text without addresses as one part', () => {
    expect(linkify('Just words.')).toEqual([{ text: 'Just words.' }]);
  });

  it('splits around addresses and leaves sentence punctuation outside', () => {
    expect(linkify('Look: https://example.com/x. Nice!')).toEqual([
      { text: 'Look: ' },
      { text: 'https://example.com/x', href: 'https://example.com/x' },
      { text: '. Nice!' },
    ]);
  });

  it('keeps a closing bracket that belongs to the address', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Gouache_(paint))')).toEqual([
      { text: '(see ' },
      {
        text: 'https://en.wikipedia.org/wiki/Gouache_(paint)',
        href: 'https://en.wikipedia.org/wiki/Gouache_(paint)',
      },
      { text: ')' },
    ]);
  });

  it('makes bare www. addresses https, and ignores other schemes', () => {
    expect(linkify('www.example.com or javascript:alert(1) or data:text/html,x')).toEqual([
      { text: 'www.example.com', href: 'https://www.example.com' },
      { text: ' or javascript:alert(1) or data:text/html,x' },
    ]);
  });
});
