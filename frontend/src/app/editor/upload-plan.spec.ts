import { LIMITS } from '@gallery/contracts';

import { batchLabel, fileProblem, planUpload } from './upload-plan';

function file(name: string, type = 'image/png', size = 1000): File {
  const made = new File(['x'], name, { type });
  Object.defineProperty(made, 'size', { value: size });
  return made;
}

describe('planUpload', () => {
  it('splits a big selection into requests of LIMITS.filesPerUpload, keeping the order', () => {
    const files = Array.from({ length: 45 }, (_, i) => file(`stage-${i + 1}.png`));
    const plan = planUpload(files);
    expect(plan.batches.map((batch) => batch.length)).toEqual([20, 20, 5]);
    expect(LIMITS.filesPerUpload).toBe(20);
    expect(plan.batches.flat().map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(plan.rejected).toEqual([]);
  });

  it('sets aside what the api would refuse, with a reason, and sends the rest', () => {
    const plan = planUpload([
      file('sketch.jpg', 'image/jpeg'),
      file('notes.txt', 'text/plain'),
      file('huge.tif', 'image/tiff', LIMITS.imageBytes + 1),
      file('empty.png', 'image/png', 0),
      file('final.webp', 'image/webp', LIMITS.imageBytes),
    ]);
    expect(plan.batches.map((batch) => batch.map((f) => f.name))).toEqual([['sketch.jpg', 'final.webp']]);
    expect(plan.rejected).toEqual([
      { name: 'notes.txt', reason: 'notes.txt is not an image.' },
      { name: 'huge.tif', reason: 'huge.tif is 50.0 MB — the limit is 50 MB.' },
      { name: 'empty.png', reason: 'empty.png is empty.' },
    ]);
  });

  it('makes no request when nothing can go', () => {
    expect(planUpload([file('a.pdf', 'application/pdf')]).batches).toEqual([]);
    expect(planUpload([]).batches).toEqual([]);
  });
});

describe('fileProblem', () => {
  it('accepts any image type the browser names, within the size limit', () => {
    expect(fileProblem({ name: 'a.avif', type: 'image/avif', size: 10 })).toBeNull();
  });

  it('refuses files without an image type', () => {
    expect(fileProblem({ name: 'mystery', type: '', size: 10 })).toBe('mystery is not an image.');
  });
});

describe('batchLabel', () => {
  it('names the first file and counts the others', () => {
    expect(batchLabel([file('a.png')])).toBe('a.png');
    expect(batchLabel([file('a.png'), file('b.png')])).toBe('a.png and 1 more');
    expect(batchLabel([file('a.png'), file('b.png'), file('c.png')])).toBe('a.png and 2 more');
  });
});
