import { DOCUMENT, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { Provenance } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { stageKindLabel } from '../artwork/stage-kinds';
import { ProcessApi } from './process-api';
import { recordFile, saveFile, shortHash } from './provenance-record';

/**
 * The artwork's signed provenance record, folded away until asked for: what it proves (and what
 * it does not) in plain words, the stages with their fingerprints and dates, and the record to
 * download and check offline (`npm run verify`). Fetched on first opening.
 */
@Component({
  selector: 'app-provenance-panel',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './provenance-panel.html',
  styleUrl: './provenance-panel.css',
})
export class ProvenancePanel {
  private readonly api = inject(ProcessApi);
  private readonly document = inject(DOCUMENT);

  readonly albumId = input.required<string>();

  protected readonly record = signal<Provenance | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly kindLabel = stageKindLabel;
  protected readonly short = shortHash;

  protected toggled(event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (open && !this.record() && !this.loading()) {
      void this.load();
    }
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.record.set(await firstValueFrom(this.api.provenance(this.albumId())));
    } catch (error) {
      this.error.set(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected download(): void {
    const record = this.record();
    if (record) {
      saveFile(this.document, recordFile(record));
    }
  }
}
