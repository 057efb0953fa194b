import sharp from 'sharp';

/**
 * Pictures that look like the stages of one painting (a harbour at dawn): a pencil sketch, a
 * flat-colour draft, the colour study and the finished work, drawn as SVG and rendered to PNG
 * by sharp. Each stage has its own size, so the pages must fit rather than stretch them.
 */
export type PaintingStage = 'sketch' | 'draft' | 'color' | 'final';

export const PAINTING_SIZES: Readonly<Record<PaintingStage, readonly [number, number]>> = {
  sketch: [900, 700],
  draft: [1000, 750],
  color: [1100, 825],
  final: [1200, 900],
};

export async function painting(stage: PaintingStage): Promise<Buffer> {
  const [width, height] = PAINTING_SIZES[stage];
  return sharp(Buffer.from(svg(stage, width, height)))
    .png()
    .toBuffer();
}

function svg(stage: PaintingStage, width: number, height: number): string {
  const scene = SCENES[stage];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1200 900" preserveAspectRatio="none">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#f6b48a"/><stop offset="0.55" stop-color="#f3d9a4"/><stop offset="1" stop-color="#9cc3c9"/>
      </linearGradient>
      <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#4f8a9a"/><stop offset="1" stop-color="#1f4655"/>
      </linearGradient>
      <filter id="grain"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="4"/>
        <feColorMatrix values="0 0 0 0 0.5  0 0 0 0 0.45  0 0 0 0 0.4  0 0 0 0.18 0"/>
        <feComposite in2="SourceGraphic" operator="in"/></filter>
    </defs>
    ${scene}
  </svg>`;
}

const OUTLINES = `
  <path d="M0 560 L1200 560" />
  <path d="M0 620 C200 560 380 540 520 600 S860 650 1200 590" />
  <circle cx="860" cy="300" r="70" />
  <path d="M160 700 l120 0 l-20 40 l-80 0 z M220 700 l0 -150 l60 120 z" />
  <path d="M520 720 l160 0 l-25 45 l-110 0 z M600 720 l0 -190 l80 160 z" />
  <path d="M950 640 l90 0 l-15 30 l-60 0 z M995 640 l0 -110 l45 90 z" />`;

const SCENES: Readonly<Record<PaintingStage, string>> = {
  sketch: `<rect width="1200" height="900" fill="#f4f1ea"/>
    <g fill="none" stroke="#4a4540" stroke-width="4" stroke-linecap="round">${OUTLINES}</g>
    <g stroke="#8a847b" stroke-width="2">${[...Array(14).keys()].map((i) => `<path d="M${80 + i * 80} 820 l40 -40"/>`).join('')}</g>`,
  draft: `<rect width="1200" height="560" fill="#e9c9a0"/><rect y="560" width="1200" height="340" fill="#5d8c96"/>
    <circle cx="860" cy="300" r="70" fill="#f2e3b5"/>
    <path d="M0 620 C200 560 380 540 520 600 S860 650 1200 590 L1200 900 L0 900 z" fill="#466f7a"/>
    <g fill="#7a4a32">${OUTLINES.replace(/<circle[^>]*>/, '')}</g>`,
  color: `<rect width="1200" height="560" fill="url(#sky)"/><rect y="560" width="1200" height="340" fill="url(#sea)"/>
    <circle cx="860" cy="300" r="70" fill="#fff0c8"/>
    <path d="M0 620 C200 560 380 540 520 600 S860 650 1200 590 L1200 900 L0 900 z" fill="#2c5a66"/>
    <g fill="#8e3f24" stroke="#5a2a18" stroke-width="3">${OUTLINES.replace(/<circle[^>]*>/, '')}</g>`,
  final: `<rect width="1200" height="560" fill="url(#sky)"/><rect y="560" width="1200" height="340" fill="url(#sea)"/>
    <circle cx="860" cy="300" r="110" fill="#fff4d6" opacity="0.35"/><circle cx="860" cy="300" r="70" fill="#fff6dc"/>
    ${[...Array(18).keys()].map((i) => `<path d="M${560 + i * 30} ${600 + (i % 5) * 18} l${40 + (i % 3) * 20} 0" stroke="#f7dca0" stroke-width="4" stroke-linecap="round" opacity="0.8"/>`).join('')}
    <path d="M0 620 C200 560 380 540 520 600 S860 650 1200 590 L1200 900 L0 900 z" fill="#24505c"/>
    <g fill="#a4472a" stroke="#4d2114" stroke-width="3">${OUTLINES.replace(/<circle[^>]*>/, '')}</g>
    <g fill="none" stroke="#3b2a22" stroke-width="2"><path d="M280 550 l0 -60 M600 530 l0 -70"/></g>
    <rect width="1200" height="900" filter="url(#grain)" fill="#fff"/>`,
};
