import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  input,
  output,
  viewChild,
} from '@angular/core';
import { LIMITS } from '@gallery/contracts';

/** The counter shows once this few characters are left. */
export const COUNTER_FROM = 200;

/**
 * Where a message is written. Enter sends, Shift+Enter starts a new line (and Enter while an
 * input method is composing a character does neither). A counter appears near the limit; the
 * paper-clip sends a file instead.
 */
@Component({
  selector: 'app-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './composer.html',
  styleUrl: './composer.css',
})
export class Composer {
  readonly text = input('');
  /** Why the last message was not sent; shown above the field. */
  readonly error = input<string | null>(null);
  readonly placeholder = input('Write a message');
  readonly textChange = output<string>();
  readonly send = output();
  readonly typing = output();
  readonly attach = output<File>();
  readonly dismissError = output();

  private readonly field = viewChild.required<ElementRef<HTMLTextAreaElement>>('field');
  protected readonly max = LIMITS.chatMessage.max;
  protected readonly left = computed(() => this.max - this.text().length);
  protected readonly counterShown = computed(() => this.left() <= COUNTER_FROM);
  protected readonly tooLong = computed(() => this.left() < 0);
  protected readonly canSend = computed(() => this.text().trim().length > 0 && !this.tooLong());

  protected input(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.textChange.emit(value);
    if (value.trim()) {
      this.typing.emit();
    }
  }

  protected keydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) {
      return;
    }
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    if (this.canSend()) {
      this.send.emit();
    }
    this.focus();
  }

  protected chooseFile(event: Event): void {
    const picker = event.target as HTMLInputElement;
    for (const file of Array.from(picker.files ?? [])) {
      this.attach.emit(file);
    }
    picker.value = '';
  }

  /** Puts the cursor in the field (after opening a conversation, after sending). */
  focus(): void {
    this.field().nativeElement.focus();
  }
}
