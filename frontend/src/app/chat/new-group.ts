import { DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { Conversation } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Avatar } from '../ui/avatar';
import { ChatApi } from './chat-api';
import { type PickedPainter, PainterPicker } from './painter-picker';

/** The most characters a group name may have (the api's limit). */
export const GROUP_NAME_MAX = 60;

/** Names a new group and picks its first members; closes with the group once created. */
@Component({
  selector: 'app-new-group',
  imports: [Avatar, PainterPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-group.html',
  styleUrl: './dialog.css',
})
export class NewGroup {
  private readonly api = inject(ChatApi);
  protected readonly ref = inject<DialogRef<Conversation>>(DialogRef);

  protected readonly name = signal('');
  protected readonly members = signal<readonly PickedPainter[]>([]);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly chosen = computed(() => this.members().map((member) => member.username));
  protected readonly nameMax = GROUP_NAME_MAX;

  protected typeName(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
  }

  protected add(painter: PickedPainter): void {
    if (!this.chosen().includes(painter.username)) {
      this.members.update((members) => [...members, painter]);
    }
  }

  protected drop(username: string): void {
    this.members.update((members) => members.filter((member) => member.username !== username));
  }

  protected async create(): Promise<void> {
    const name = this.name().trim();
    if (!name) {
      this.problem.set('A group needs a name.');
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    try {
      const group = await firstValueFrom(this.api.createGroup({ name, usernames: this.chosen() }));
      this.ref.close(group);
    } catch (error) {
      this.problem.set(describeApiError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
