import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Attachment } from '@gallery/contracts';

import { fileSize } from './conversation-info';

/** A picture sent in chat, as large as the window allows, with its name and a download link. */
@Component({
  selector: 'app-image-viewer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(click)': 'closeOutside($event)' },
  template: `
    <div class="bar">
      <p class="caption" id="image-viewer-caption">
        <span class="name">{{ picture.name }}</span>
        <span class="size">{{ size }}</span>
      </p>
      <a class="tool" [href]="picture.url" [attr.download]="picture.name" aria-label="Download">
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M10 3v10M6 9l4 4 4-4M4 16h12" />
        </svg>
      </a>
      <button type="button" class="tool" aria-label="Close" (click)="ref.close()">
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M5 5l10 10M15 5L5 15" />
        </svg>
      </button>
    </div>
    <div class="area">
      <img
        [src]="picture.url"
        [alt]="picture.name"
        [attr.width]="picture.width ?? null"
        [attr.height]="picture.height ?? null"
      />
    </div>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-rows: auto minmax(0, 1fr);
      width: 100%;
      height: 100%;
      background: #0e0c0a;
      color: #f3efe9;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 10px clamp(12px, 3vw, 24px);
    }
    .caption {
      display: flex;
      flex: 1;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
      min-width: 0;
    }
    .name {
      overflow: hidden;
      font-weight: 600;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .size {
      color: rgb(243 239 233 / 70%);
      font-size: 0.85rem;
    }
    .tool {
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border: 0;
      border-radius: 50%;
      background: rgb(255 255 255 / 10%);
      color: inherit;
      cursor: pointer;
    }
    .tool:hover {
      background: rgb(255 255 255 / 20%);
      color: inherit;
    }
    .tool:focus-visible {
      outline-color: #8db8ff;
      border-radius: 50%;
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .area {
      display: grid;
      place-items: center;
      min-height: 0;
      padding: 0 clamp(8px, 4vw, 48px) clamp(8px, 3vw, 24px);
    }
    img {
      max-width: 100%;
      max-height: 100%;
      width: auto;
      height: auto;
      object-fit: contain;
      border-radius: 4px;
    }
  `,
})
export class ImageViewer {
  protected readonly picture = inject<Attachment>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<void>>(DialogRef);
  protected readonly size = fileSize(this.picture.bytes);

  /** A click on the dark surround (not the picture or a button) closes, as on the artwork page. */
  protected closeOutside(event: MouseEvent): void {
    if ((event.target as HTMLElement).classList.contains('area')) {
      this.ref.close();
    }
  }
}
