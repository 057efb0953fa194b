import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Conversation, ConversationMember } from '@gallery/contracts';
import { type Observable, firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { Avatar } from '../ui/avatar';
import { Confirm } from '../ui/confirm';
import { ChatApi } from './chat-api';
import { Conversations } from './conversations';
import { GROUP_NAME_MAX } from './new-group';
import { type PickedPainter, PainterPicker } from './painter-picker';

export interface GroupSettingsData {
  readonly conversationId: string;
}

/** What the dialog closes with: 'left' when I left the group. */
export type GroupSettingsResult = 'left' | undefined;

/**
 * A group's name and members. Admins rename, add, promote and remove; everyone can leave. The
 * admin-only controls are not shown to members (the api refuses them anyway).
 */
@Component({
  selector: 'app-group-settings',
  imports: [Avatar, PainterPicker, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './group-settings.html',
  styleUrl: './dialog.css',
})
export class GroupSettings {
  private readonly data = inject<GroupSettingsData>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<GroupSettingsResult>>(DialogRef);
  private readonly api = inject(ChatApi);
  private readonly conversations = inject(Conversations);
  private readonly session = inject(Session);
  private readonly confirm = inject(Confirm);

  protected readonly group = computed(() => this.conversations.find(this.data.conversationId));
  protected readonly meId = computed(() => this.session.me()?.id ?? null);
  protected readonly admin = computed(
    () =>
      this.group()?.members.some((member) => member.id === this.meId() && member.role === 'admin') ?? false,
  );
  protected readonly memberNames = computed(
    () => this.group()?.members.map((member) => member.username) ?? [],
  );
  protected readonly name = signal(this.group()?.name ?? '');
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly nameMax = GROUP_NAME_MAX;

  protected typeName(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
  }

  protected async rename(): Promise<void> {
    const name = this.name().trim();
    if (!name) {
      this.problem.set('A group needs a name.');
      return;
    }
    await this.run(this.api.renameGroup(this.data.conversationId, name), 'Renamed.');
  }

  protected async add(painter: PickedPainter): Promise<void> {
    await this.run(
      this.api.addMember(this.data.conversationId, painter.username),
      `${painter.displayName} was added.`,
    );
  }

  protected async promote(member: ConversationMember): Promise<void> {
    await this.run(
      this.api.setRole(this.data.conversationId, member.username, 'admin'),
      `${member.displayName} is now an admin.`,
    );
  }

  protected async remove(member: ConversationMember): Promise<void> {
    const sure = await this.confirm.ask({
      title: `Remove ${member.displayName}?`,
      message: `${member.displayName} will no longer see new messages in ${this.group()?.name ?? 'this group'}.`,
      confirmLabel: 'Remove',
    });
    if (sure && (await this.run(this.api.removeMember(this.data.conversationId, member.username), null))) {
      const group = this.group();
      if (group) {
        this.conversations.upsert({ ...group, members: group.members.filter((m) => m.id !== member.id) });
      }
      this.notice.set(`${member.displayName} was removed.`);
    }
  }

  protected async leave(): Promise<void> {
    const username = this.session.username();
    const sure = await this.confirm.ask({
      title: 'Leave this group?',
      message: 'You will stop receiving its messages. An admin can add you again.',
      confirmLabel: 'Leave group',
    });
    if (!sure || !username) {
      return;
    }
    if (await this.run(this.api.removeMember(this.data.conversationId, username), null)) {
      this.conversations.remove(this.data.conversationId);
      this.ref.close('left');
    }
  }

  /** Runs one change; a changed group from the api goes straight into the list. */
  private async run(request: Observable<Conversation | void>, done: string | null): Promise<boolean> {
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    try {
      const answer = await firstValueFrom(request, { defaultValue: undefined });
      if (answer) {
        this.conversations.upsert(answer);
      }
      this.notice.set(done);
      return true;
    } catch (error) {
      this.problem.set(describeApiError(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
