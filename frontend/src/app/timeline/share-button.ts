import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';

/** How long "Link copied" stays. */
const CONFIRM_MS = 3000;

/**
 * Share: the phone's own share sheet where there is one, otherwise the link copied to the
 * clipboard with a visible (and announced) "Link copied".
 */
@Component({
  selector: 'app-share-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="btn share" (click)="share()">
      <svg viewBox="0 0 20 20" width="17" height="17" aria-hidden="true">
        <path d="M10 13V3M6 7l4-4 4 4M4 11v5h12v-5" />
      </svg>
      Share
    </button>
    <span class="confirm" role="status">{{ message() }}</span>
  `,
  styles: `
    :host {
      position: relative;
      display: inline-flex;
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 1.7;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .confirm:empty {
      display: none;
    }
    .confirm {
      position: absolute;
      left: 50%;
      bottom: calc(100% + 8px);
      z-index: 5;
      padding: 4px 10px;
      border-radius: var(--radius-sm);
      background: var(--text);
      color: var(--bg);
      font-size: 0.85rem;
      font-weight: 600;
      white-space: nowrap;
      transform: translateX(-50%);
    }
  `,
})
export class ShareButton {
  private readonly document = inject(DOCUMENT);

  /** What the share sheet calls the link. */
  readonly title = input('');
  /**
   * The path others can open, when it differs from the one on screen (an unlisted artwork is
   * seen by others through its share link, not /a/:id). Query and all are kept.
   */
  readonly path = input<string | null>(null);

  protected readonly message = signal('');
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected async share(): Promise<void> {
    // The address as it is, stage and comparison included: the link opens on what is seen.
    const here = new URL(this.document.location.href);
    const path = this.path();
    if (path) {
      here.pathname = path;
    }
    const url = here.toString();
    const navigator = this.document.defaultView?.navigator;
    const coarse = this.document.defaultView?.matchMedia?.('(pointer: coarse)').matches ?? false;
    if (navigator && typeof navigator.share === 'function' && coarse) {
      try {
        await navigator.share({ title: this.title(), url });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') {
          return;
        }
        // No share sheet after all: copy instead.
      }
    }
    this.confirm((await this.copy(url)) ? 'Link copied' : 'Couldn’t copy: the link is in the address bar');
  }

  private async copy(text: string): Promise<boolean> {
    try {
      await this.document.defaultView?.navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Older browsers, or no permission: the selection way still works in most.
      const field = this.document.createElement('textarea');
      field.value = text;
      field.setAttribute('readonly', '');
      field.style.position = 'fixed';
      field.style.opacity = '0';
      this.document.body.appendChild(field);
      field.select();
      const done = this.document.execCommand?.('copy') ?? false;
      field.remove();
      return done;
    }
  }

  private confirm(message: string): void {
    this.message.set(message);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.message.set(''), CONFIRM_MS);
  }
}
