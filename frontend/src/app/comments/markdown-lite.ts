import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** Text, or a link whose href is known to be http(s). */
export type Leaf =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly href: string; readonly text: string };
/** What a comment body becomes: plain text, links, and *emphasis* / **strong** around them. */
export type Inline = Leaf | { readonly kind: 'em' | 'strong'; readonly children: readonly Leaf[] };

const LINKS = /\[([^\]\n]{1,200})\]\(([^)\s]{1,2000})\)|(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;
const MARKS = /\*\*([^*\n](?:[^*\n]*[^*\n\s])?)\*\*|\*([^*\s](?:[^*\n]*[^*\s])?)\*/g;

/** The href if it is an absolute http(s) URL, else null (javascript:, data:, relative, garbage). */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Links in `text`: `[label](url)` and bare URLs; anything not http(s) stays text. */
function leaves(text: string): Leaf[] {
  const out: Leaf[] = [];
  let at = 0;
  for (const m of text.matchAll(LINKS)) {
    const href = safeHref(m[2] ?? m[3]!);
    if (!href) {
      continue;
    }
    if (m.index > at) {
      out.push({ kind: 'text', text: text.slice(at, m.index) });
    }
    out.push({ kind: 'link', href, text: m[1] ?? m[3]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) {
    out.push({ kind: 'text', text: text.slice(at) });
  }
  return out;
}

/**
 * Parses markdown-lite into a tree of plain values: the template renders it with text bindings
 * and [href] only, so no part of a comment is ever parsed as HTML.
 */
export function parseMarkdownLite(body: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const m of body.matchAll(MARKS)) {
    // A mark that starts inside a URL (rare: `*` in a path) is left as typed.
    if (m.index > at) {
      out.push(...leaves(body.slice(at, m.index)));
    }
    out.push({ kind: m[1] !== undefined ? 'strong' : 'em', children: leaves(m[1] ?? m[2]!) });
    at = m.index + m[0].length;
  }
  if (at < body.length) {
    out.push(...leaves(body.slice(at)));
  }
  return out;
}

/** A comment body, rendered safely: text nodes, <em>, <strong>, and http(s) links marked as user content. */
@Component({
  selector: 'app-markdown-lite',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Every piece of text goes in through [textContent]: whitespace in this template never reaches the comment.
  template: `
    @for (part of parts(); track $index) {
      @switch (part.kind) {
        @case ('text') {
          <span [textContent]="part.text"></span>
        }
        @case ('link') {
          <a [href]="part.href" rel="nofollow ugc noopener" target="_blank" [textContent]="part.text"></a>
        }
        @default {
          <ng-container
            *ngTemplateOutlet="part.kind === 'em' ? em : strong; context: { $implicit: part.children }"
          />
        }
      }
    }
    <ng-template #em let-children
      ><em><ng-container *ngTemplateOutlet="leaves; context: { $implicit: children }" /></em
    ></ng-template>
    <ng-template #strong let-children
      ><strong><ng-container *ngTemplateOutlet="leaves; context: { $implicit: children }" /></strong
    ></ng-template>
    <ng-template #leaves let-children>
      @for (leaf of children; track $index) {
        @if (leaf.kind === 'link') {
          <a [href]="leaf.href" rel="nofollow ugc noopener" target="_blank" [textContent]="leaf.text"></a>
        } @else {
          <span [textContent]="leaf.text"></span>
        }
      }
    </ng-template>
  `,
  styles: `
    :host {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class MarkdownLite {
  readonly text = input.required<string>();
  protected readonly parts = computed(() => parseMarkdownLite(this.text()));
}
