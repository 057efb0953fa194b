import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { LIMITS, type Visibility } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Artworks } from '../artwork/artworks';
import { fieldError, focusFirstInvalid } from '../forms/field-error';

/** /new — names a new artwork; the stages are added in the editor it opens next. */
@Component({
  selector: 'app-new-artwork',
  imports: [ReactiveFormsModule],
  templateUrl: './new-artwork.html',
  styleUrl: './new-artwork.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewArtwork {
  private readonly artworks = inject(Artworks);
  private readonly router = inject(Router);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  protected readonly limits = LIMITS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(LIMITS.albumTitle.max)]],
    description: ['', Validators.maxLength(LIMITS.albumDescription.max)],
    visibility: ['public' as Visibility],
  });
  protected readonly creating = signal(false);
  protected readonly error = signal<string | null>(null);

  protected titleError(): string | null {
    return fieldError(this.form.controls.title, 'Title', {
      required: 'Give the artwork a title',
      pattern: 'Give the artwork a title',
    });
  }

  protected descriptionError(): string | null {
    return fieldError(this.form.controls.description, 'Description');
  }

  protected async create(): Promise<void> {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { title, description, visibility } = this.form.getRawValue();
    this.creating.set(true);
    try {
      const album = await firstValueFrom(
        this.artworks.create({ title: title.trim(), description: description.trim(), visibility }),
      );
      await this.router.navigate(['/a', album.id, 'edit']);
    } catch (error) {
      this.error.set(describeApiError(error));
    } finally {
      this.creating.set(false);
    }
  }
}
