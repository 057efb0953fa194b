import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChatReaction,
  ChatSearchResult,
  Conversation,
  CreateGroupRequest,
  MemberRole,
  Message,
  Page,
  UserSummary,
} from '@gallery/contracts';
import { type Observable, map } from 'rxjs';

/** How many messages one history page holds. */
export const HISTORY_PAGE = 30;

/**
 * The chat api, one method per route. Observables on purpose: this is the edge where RxJS lives;
 * the chat stores turn answers into signals.
 */
@Injectable({ providedIn: 'root' })
export class ChatApi {
  private readonly http = inject(HttpClient);

  /** The public room first, then my conversations by latest message. */
  conversations(): Observable<Conversation[]> {
    return this.http.get<Conversation[]>('/api/chat/conversations');
  }

  /** The one conversation with this painter, created on first use. */
  openDirect(username: string): Observable<Conversation> {
    return this.http.post<Conversation>('/api/chat/direct', { username });
  }

  createGroup(request: CreateGroupRequest): Observable<Conversation> {
    return this.http.post<Conversation>('/api/chat/groups', request);
  }

  renameGroup(id: string, name: string): Observable<Conversation> {
    return this.http.patch<Conversation>(`${this.groupUrl(id)}`, { name });
  }

  addMember(id: string, username: string): Observable<Conversation> {
    return this.http.post<Conversation>(`${this.groupUrl(id)}/members`, { username });
  }

  setRole(id: string, username: string, role: MemberRole): Observable<Conversation> {
    return this.http.patch<Conversation>(`${this.memberUrl(id, username)}`, { role });
  }

  /** Removes a member (admins), or leaves when `username` is mine. */
  removeMember(id: string, username: string): Observable<void> {
    return this.http.delete<void>(this.memberUrl(id, username));
  }

  /** Older messages before `before` (the newest page without it), oldest first within the page. */
  history(id: string, before: string | null, limit = HISTORY_PAGE): Observable<Page<Message>> {
    let params = new HttpParams().set('limit', limit);
    if (before) {
      params = params.set('before', before);
    }
    return this.http.get<Page<Message>>(`${this.conversationUrl(id)}/messages`, { params });
  }

  /** The page around a message: half older, it, then newer ones (for jumping to it). */
  around(id: string, messageId: string, limit = HISTORY_PAGE): Observable<Page<Message>> {
    const params = new HttpParams().set('limit', limit).set('around', messageId);
    return this.http.get<Page<Message>>(`${this.conversationUrl(id)}/messages`, { params });
  }

  /** Sends over HTTP; used while the socket is down. */
  send(id: string, body: string, replyToId?: string): Observable<Message> {
    return this.http.post<Message>(
      `${this.conversationUrl(id)}/messages`,
      replyToId ? { body, replyToId } : { body },
    );
  }

  editMessage(messageId: string, body: string): Observable<Message> {
    return this.http.patch<Message>(this.messageUrl(messageId), { body });
  }

  /** Deletes a message for everyone (mine, or any in a group I admin). */
  deleteMessage(messageId: string): Observable<void> {
    return this.http.delete<void>(this.messageUrl(messageId));
  }

  react(messageId: string, emoji: ChatReaction, on: boolean): Observable<Message> {
    const url = `${this.messageUrl(messageId)}/reactions/${encodeURIComponent(emoji)}`;
    return on ? this.http.put<Message>(url, null) : this.http.delete<Message>(url);
  }

  pin(id: string, messageId: string, on: boolean): Observable<Conversation> {
    const url = `${this.conversationUrl(id)}/pins/${encodeURIComponent(messageId)}`;
    return on ? this.http.put<Conversation>(url, null) : this.http.delete<Conversation>(url);
  }

  /** Messages of my conversations (and the public room) with every word. */
  search(query: string): Observable<Message[]> {
    const params = new HttpParams().set('q', query);
    return this.http.get<ChatSearchResult>('/api/chat/search', { params }).pipe(map((r) => r.items));
  }

  /** Sends a file as a message, with upload progress events. */
  attach(id: string, file: File): Observable<HttpEvent<Message>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<Message>(`${this.conversationUrl(id)}/attachments`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  /** Deletes the conversation's history for me. */
  deleteConversation(id: string): Observable<void> {
    return this.http.delete<void>(this.conversationUrl(id));
  }

  /** Painters whose username or name matches, for picking group members. */
  findPainters(query: string): Observable<UserSummary[]> {
    const params = new HttpParams().set('q', query);
    return this.http
      .get<{ users: UserSummary[] }>('/api/search', { params })
      .pipe(map((answer) => answer.users));
  }

  private conversationUrl(id: string): string {
    return `/api/chat/conversations/${encodeURIComponent(id)}`;
  }

  private messageUrl(id: string): string {
    return `/api/chat/messages/${encodeURIComponent(id)}`;
  }

  private groupUrl(id: string): string {
    return `/api/chat/groups/${encodeURIComponent(id)}`;
  }

  private memberUrl(id: string, username: string): string {
    return `${this.groupUrl(id)}/members/${encodeURIComponent(username)}`;
  }
}
