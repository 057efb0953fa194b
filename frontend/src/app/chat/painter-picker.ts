import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { LIMITS, type UserSummary } from '@gallery/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

import { Session } from '../auth/session';
import { Avatar } from '../ui/avatar';
import { ChatApi } from './chat-api';

/** A painter chosen by name from the search, or by a username typed in full. */
export type PickedPainter = Pick<UserSummary, 'username' | 'displayName' | 'avatarUrl'>;

/** Pause in typing before the search runs. */
export const SEARCH_DELAY_MS = 250;

let nextId = 0;

/**
 * A search field for adding painters: suggestions from GET /api/search as one types (arrow keys
 * and Enter choose), or a whole username and Enter.
 */
@Component({
  selector: 'app-painter-picker',
  imports: [Avatar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="label" [for]="fieldId">{{ label() }}</label>
    <input
      class="input"
      [id]="fieldId"
      type="text"
      role="combobox"
      autocomplete="off"
      autocapitalize="none"
      spellcheck="false"
      placeholder="Name or username"
      aria-autocomplete="list"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="listId"
      [attr.aria-activedescendant]="open() && active() >= 0 ? listId + '-' + active() : null"
      [value]="query()"
      (input)="type($event)"
      (keydown)="keydown($event)"
      (blur)="closeSoon()"
    />
    @if (open()) {
      <ul class="options" role="listbox" [id]="listId" [attr.aria-label]="label()">
        @for (painter of suggestions(); track painter.username; let index = $index) {
          <li
            role="option"
            [id]="listId + '-' + index"
            [attr.aria-selected]="index === active()"
            [class.active]="index === active()"
            (mousedown)="$event.preventDefault()"
            (click)="choose(painter)"
          >
            <app-avatar [user]="painter" [size]="28" />
            <span class="name">{{ painter.displayName }}</span>
            <span class="handle">&#64;{{ painter.username }}</span>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: grid;
      gap: 6px;
    }
    .label {
      font-weight: 580;
      font-size: 0.95rem;
    }
    .options {
      position: absolute;
      top: 100%;
      left: 0;
      right: 0;
      z-index: 2;
      max-height: 220px;
      margin: 4px 0 0;
      padding: 4px;
      overflow-y: auto;
      list-style: none;
      border: 1px solid var(--border);
      border-radius: var(--radius-sm);
      background: var(--surface);
      box-shadow: var(--shadow-md);
    }
    li {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 6px 8px;
      border-radius: 6px;
      cursor: pointer;
    }
    li.active,
    li:hover {
      background: var(--surface-2);
    }
    .name {
      font-weight: 560;
    }
    .handle {
      color: var(--text-muted);
      font-size: 0.88rem;
    }
  `,
})
export class PainterPicker {
  private readonly api = inject(ChatApi);
  private readonly session = inject(Session);

  readonly label = input('Add painters');
  /** Usernames already chosen (or already members): not suggested again. */
  readonly exclude = input<readonly string[]>([]);
  readonly pick = output<PickedPainter>();

  protected readonly fieldId = `painter-picker-${++nextId}`;
  protected readonly listId = `${this.fieldId}-options`;
  protected readonly query = signal('');
  protected readonly active = signal(-1);
  private readonly dismissed = signal(false);

  private readonly found = toSignal(
    toObservable(this.query).pipe(
      map((query) => query.trim()),
      debounceTime(SEARCH_DELAY_MS),
      distinctUntilChanged(),
      switchMap((query) =>
        query.length < LIMITS.searchQuery.min
          ? of<UserSummary[]>([])
          : this.api.findPainters(query.slice(0, LIMITS.searchQuery.max)).pipe(catchError(() => of([]))),
      ),
    ),
    { initialValue: [] as UserSummary[] },
  );

  protected readonly suggestions = computed(() => {
    const skip = new Set([...this.exclude(), this.session.username()]);
    return this.found()
      .filter((painter) => !skip.has(painter.username))
      .slice(0, 8);
  });
  protected readonly open = computed(
    () => !this.dismissed() && this.query().trim().length > 0 && this.suggestions().length > 0,
  );

  protected type(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.active.set(-1);
    this.dismissed.set(false);
  }

  protected keydown(event: KeyboardEvent): void {
    const count = this.suggestions().length;
    switch (event.key) {
      case 'ArrowDown':
        if (count > 0) {
          this.dismissed.set(false);
          this.active.set((this.active() + 1) % count);
          event.preventDefault();
        }
        break;
      case 'ArrowUp':
        if (count > 0) {
          this.active.set(this.active() <= 0 ? count - 1 : this.active() - 1);
          event.preventDefault();
        }
        break;
      case 'Escape':
        if (this.open()) {
          this.dismissed.set(true);
          event.preventDefault();
          event.stopPropagation();
        }
        break;
      case 'Enter': {
        event.preventDefault();
        const chosen = this.open() ? this.suggestions()[this.active()] : undefined;
        if (chosen) {
          this.choose(chosen);
        } else {
          this.chooseTyped();
        }
        break;
      }
    }
  }

  protected choose(painter: PickedPainter): void {
    this.pick.emit({
      username: painter.username,
      displayName: painter.displayName,
      avatarUrl: painter.avatarUrl,
    });
    this.query.set('');
    this.active.set(-1);
  }

  protected closeSoon(): void {
    this.dismissed.set(true);
  }

  /** A username typed in full; the api says whether such a painter exists. */
  private chooseTyped(): void {
    const username = this.query().trim().replace(/^@/, '').toLowerCase();
    const exact = this.suggestions().find((painter) => painter.username === username);
    if (exact) {
      this.choose(exact);
    } else if (LIMITS.username.pattern.test(username) && username.length >= LIMITS.username.min) {
      this.choose({ username, displayName: username, avatarUrl: null });
    }
  }
}
