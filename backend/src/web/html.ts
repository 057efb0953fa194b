/** Escapes text for an HTML attribute or element body. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a link preview (Open Graph, Twitter card) shows. */
export interface PreviewTags {
  title: string;
  description: string;
  url: string;
  image: string | null;
  type: 'article' | 'profile';
  /** The picture the page opens on, fetched with the html rather than after the app has run. */
  preload?: ImagePreload | null;
}

/** A responsive image to preload: the same candidates and sizes as the page's <img>. */
export interface ImagePreload {
  href: string;
  srcset: string;
  sizes: string;
}

/** index.html with the preview's <title> and meta tags put into its <head>. */
export function withPreviewTags(indexHtml: string, tags: PreviewTags): string {
  const meta = (attr: 'property' | 'name', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;
  const lines = [
    meta('property', 'og:site_name', 'Gallery'),
    meta('property', 'og:type', tags.type),
    meta('property', 'og:title', tags.title),
    meta('property', 'og:description', tags.description),
    meta('property', 'og:url', tags.url),
    meta('name', 'description', tags.description),
    meta('name', 'twitter:card', tags.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', tags.title),
    meta('name', 'twitter:description', tags.description),
    ...(tags.image
      ? [meta('property', 'og:image', tags.image), meta('name', 'twitter:image', tags.image)]
      : []),
    `<link rel="canonical" href="${escapeHtml(tags.url)}">`,
    ...(tags.preload
      ? [
          `<link rel="preload" as="image" fetchpriority="high" href="${escapeHtml(tags.preload.href)}"` +
            ` imagesrcset="${escapeHtml(tags.preload.srcset)}" imagesizes="${escapeHtml(tags.preload.sizes)}">`,
        ]
      : []),
  ];
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(tags.title)} · Gallery</title>`)
    .replace('</head>', `${lines.join('\n')}\n</head>`);
}
