import { guessStageKind, guessStageKinds, kindByPosition } from './stage-kind-guess';

/** The kind a name gives in the middle of a five-stage artwork, where position alone says colour. */
function fromName(name: string): string {
  return guessStageKind(name, 2, 5);
}

describe('guessStageKind', () => {
  describe('by name', () => {
    it.each([
      ['01_sketch.png', 'sketch'],
      ['Final-v2.jpg', 'final'],
      ['mon_esquisse.jpg', 'sketch'],
      ['SKETCH.PNG', 'sketch'],
      ['harbour sketches 3.webp', 'sketch'],
      ['mySketch.png', 'sketch'],
      ['harbourFinal.png', 'final'],
      ['sketch2.png', 'sketch'],
      ['2024-05-01.draft.tiff', 'draft'],
    ])('reads %s as %s, in any case and between any separators', (name, kind) => {
      expect(fromName(name)).toBe(kind);
    });

    it.each([
      ['sketch.png', 'sketch'],
      ['drafts-01.png', 'draft'],
      ['colour.png', 'color'],
      ['color pass.png', 'color'],
      ['coloured.jpg', 'color'],
      ['details.jpg', 'detail'],
      ['final.jpg', 'final'],
    ])('English: %s → %s', (name, kind) => {
      expect(fromName(name)).toBe(kind);
    });

    it.each([
      ['esquisse.jpg', 'sketch'],
      ['Croquis_1.jpg', 'sketch'],
      ['brouillon.jpg', 'draft'],
      ['couleur.jpg', 'color'],
      ['Couleurs-2.jpg', 'color'],
      ['détail.jpg', 'detail'],
      ['DÉTAILS.jpg', 'detail'],
      ['final.jpg', 'final'],
      ['version finale.jpg', 'final'],
    ])('French: %s → %s', (name, kind) => {
      expect(fromName(name)).toBe(kind);
    });

    it.each([
      ['boceto.jpg', 'sketch'],
      ['borrador.jpg', 'draft'],
      ['Borradores 2.jpg', 'draft'],
      ['color.jpg', 'color'],
      ['colores.jpg', 'color'],
      ['detalle.jpg', 'detail'],
      ['final.jpg', 'final'],
    ])('Spanish: %s → %s', (name, kind) => {
      expect(fromName(name)).toBe(kind);
    });

    it.each([
      ['Skizze.jpg', 'sketch'],
      ['skizzen_01.jpg', 'sketch'],
      ['Entwurf.jpg', 'draft'],
      ['Entwürfe.jpg', 'draft'],
      ['Farbe.jpg', 'color'],
      ['Detail.jpg', 'detail'],
      ['Final.jpg', 'final'],
      ['fertig.jpg', 'final'],
    ])('German: %s → %s', (name, kind) => {
      expect(fromName(name)).toBe(kind);
    });

    it.each([
      ['esboço.jpg', 'sketch'],
      ['ESBOCO.jpg', 'sketch'],
      ['rascunho.jpg', 'draft'],
      ['cor.jpg', 'color'],
      ['detalhe.jpg', 'detail'],
      ['final.jpg', 'final'],
    ])('Portuguese: %s → %s', (name, kind) => {
      expect(fromName(name)).toBe(kind);
    });

    it.each([
      ['線画.png', 'draft'],
      ['02_線画.png', 'draft'],
      ['着色.png', 'color'],
      ['彩色.png', 'color'],
      ['完成.png', 'final'],
      ['完成版.png', 'final'],
    ])('Japanese: %s → %s', (name, kind) => {
      expect(fromName(name)).toBe(kind);
    });

    it('Japanese: 下書き and ラフ are the sketch when first, a draft after that', () => {
      expect(guessStageKind('下書き.png', 0, 5)).toBe('sketch');
      expect(guessStageKind('下書き.png', 1, 5)).toBe('draft');
      expect(guessStageKind('ラフ.png', 0, 4)).toBe('sketch');
      expect(guessStageKind('ラフ2.png', 2, 4)).toBe('draft');
      expect(guessStageKind('下描き.png', 0, 3)).toBe('sketch');
    });

    it('Japanese: 仕上げ is detail work, or the final picture when last', () => {
      expect(guessStageKind('仕上げ.png', 2, 5)).toBe('detail');
      expect(guessStageKind('仕上げ.png', 4, 5)).toBe('final');
    });

    it('Japanese: names from macOS (decomposed kana) read the same', () => {
      expect(guessStageKind('仕上げ.png'.normalize('NFD'), 4, 5)).toBe('final');
      expect(guessStageKind('下書き.png'.normalize('NFD'), 0, 5)).toBe('sketch');
    });

    it('accents typed decomposed are ignored too', () => {
      expect(fromName('de\u0301tail.jpg')).toBe('detail');
      expect(fromName('esboc\u0327o.jpg')).toBe('sketch');
    });

    it('does not read words inside longer words', () => {
      // "cor" is Portuguese for colour; "corner" is not. グラフ (graph) holds ラフ; 未完成 is unfinished.
      expect(fromName('corner.png')).toBe('color'); // by position
      expect(guessStageKind('corner.png', 0, 5)).toBe('sketch');
      expect(guessStageKind('finalist.png', 0, 5)).toBe('sketch');
      expect(guessStageKind('グラフ.png', 4, 5)).toBe('final');
      expect(guessStageKind('未完成.png', 0, 5)).toBe('sketch');
      expect(guessStageKind('redraft.png', 0, 5)).toBe('sketch');
    });

    it('ignores the extension and folders', () => {
      expect(guessStageKind('art/final/IMG_2031.sketch', 2, 5)).toBe('color');
      expect(guessStageKind('sketches/IMG_2031.png', 2, 5)).toBe('color');
    });

    it('takes the first kind a name gives', () => {
      expect(fromName('sketch_for_final.png')).toBe('sketch');
    });
  });

  describe('by position, when the name says nothing', () => {
    it('a lone stage is the sketch', () => {
      expect(guessStageKind('IMG_0001.jpg', 0, 1)).toBe('sketch');
    });

    it('first is the sketch, last the final picture', () => {
      expect(guessStageKinds(['a.png', 'b.png'])).toEqual(['sketch', 'final']);
    });

    it('spreads the ones between evenly over draft, colour and detail', () => {
      const names = (n: number) => Array.from({ length: n }, (_, i) => `IMG_${1000 + i}.jpg`);
      expect(guessStageKinds(names(3))).toEqual(['sketch', 'color', 'final']);
      expect(guessStageKinds(names(4))).toEqual(['sketch', 'draft', 'detail', 'final']);
      expect(guessStageKinds(names(5))).toEqual(['sketch', 'draft', 'color', 'detail', 'final']);
      expect(guessStageKinds(names(8))).toEqual([
        'sketch',
        'draft',
        'draft',
        'color',
        'color',
        'detail',
        'detail',
        'final',
      ]);
    });

    it('counts the stages the artwork already has', () => {
      expect(guessStageKinds(['a.png', 'b.png'], 3)).toEqual(['detail', 'final']);
      expect(guessStageKinds(['late.png'], 1)).toEqual(['final']);
    });

    it('mixes: names that say it win, the rest go by position', () => {
      expect(guessStageKinds(['IMG_1.jpg', 'couleur.jpg', 'IMG_3.jpg', 'IMG_4.jpg', 'Skizze.jpg'])).toEqual([
        'sketch',
        'color',
        'color',
        'detail',
        'sketch',
      ]);
    });
  });
});

describe('kindByPosition', () => {
  it('never goes out of range', () => {
    for (let count = 1; count <= 30; count++) {
      for (let index = 0; index < count; index++) {
        expect(['sketch', 'draft', 'color', 'detail', 'final']).toContain(kindByPosition(index, count));
      }
    }
  });

  it('keeps the order of a painting: never goes back', () => {
    const order = ['sketch', 'draft', 'color', 'detail', 'final'];
    for (let count = 1; count <= 30; count++) {
      const ranks = Array.from({ length: count }, (_, i) => order.indexOf(kindByPosition(i, count)));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});
