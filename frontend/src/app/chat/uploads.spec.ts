import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LIMITS } from '@gallery/contracts';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { Conversations } from './conversations';
import { ChatThreads } from './threads';
import { ChatUploads } from './uploads';
import { ANNA, BEN, FakeRealtime, conversation, me, message, settle } from './testing';

const ATTACHMENTS = '/api/chat/conversations/c-direct/attachments';

async function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: Realtime, useClass: FakeRealtime },
      ChatThreads,
      ChatUploads,
    ],
  });
  TestBed.inject(Session).update(me(ANNA));
  const http = TestBed.inject(HttpTestingController);
  const conversations = TestBed.inject(Conversations);
  conversations.start();
  TestBed.tick();
  http
    .expectOne('/api/chat/conversations')
    .flush([conversation('c-direct', { lastMessage: message(1, BEN) })]);
  await settle();
  const threads = TestBed.inject(ChatThreads);
  threads.open('c-direct');
  http
    .expectOne((r) => r.url === '/api/chat/conversations/c-direct/messages')
    .flush({ items: [], nextCursor: null });
  await settle();
  return { uploads: TestBed.inject(ChatUploads), threads, conversations, http };
}

describe('ChatUploads', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reports progress and adds the message the api answers with to its thread and the list', async () => {
    const { uploads, threads, conversations, http } = await setUp();
    uploads.attach('c-direct', new File(['%PDF-1.7'], 'notes.pdf', { type: 'application/pdf' }));
    const request = http.expectOne({ method: 'POST', url: ATTACHMENTS });
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    expect(request.request.reportProgress).toBe(true);
    request.event({ type: HttpEventType.UploadProgress, loaded: 4, total: 8 });
    expect(uploads.all()).toEqual([
      expect.objectContaining({
        conversationId: 'c-direct',
        name: 'notes.pdf',
        loaded: 4,
        total: 8,
        state: 'uploading',
      }),
    ]);
    const attachment = { url: '/media/notes.pdf', name: 'notes.pdf', mime: 'application/pdf', bytes: 8 };
    request.flush(message(6, ANNA, { body: '', attachment }));
    expect(uploads.all()).toEqual([]);
    expect(threads.thread()?.messages.at(-1)?.attachment).toEqual(attachment);
    expect(conversations.find('c-direct')?.lastMessage?.id).toBe('m-006');
  });

  it('refuses a file over the limit before sending it, and shows the api’s reason for others', async () => {
    const { uploads, http } = await setUp();
    const huge = new File(['x'], 'huge.zip');
    Object.defineProperty(huge, 'size', { value: LIMITS.chatAttachmentBytes + 1 });
    uploads.attach('c-direct', huge);
    expect(uploads.all()).toEqual([
      expect.objectContaining({
        state: 'failed',
        error: 'huge.zip is larger than 25 MB, the most a file can be.',
      }),
    ]);
    http.expectNone(ATTACHMENTS);

    uploads.attach('c-direct', new File(['MZ'], 'tool.exe'));
    http.expectOne(ATTACHMENTS).flush(
      {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'this type of file cannot be sent; allowed: images, PDF, ZIP and plain text',
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    expect(uploads.all()[1]).toEqual(
      expect.objectContaining({
        state: 'failed',
        error: 'This type of file cannot be sent; allowed: images, PDF, ZIP and plain text.',
      }),
    );
    uploads.dismiss(uploads.all()[0].id);
    expect(uploads.all().map((upload) => upload.name)).toEqual(['tool.exe']);
  });

  it('stops a file on its way when cancelled', async () => {
    const { uploads, http } = await setUp();
    uploads.attach('c-direct', new File(['png'], 'sketch.png', { type: 'image/png' }));
    const request = http.expectOne(ATTACHMENTS);
    uploads.dismiss(uploads.all()[0].id);
    expect(request.cancelled).toBe(true);
    expect(uploads.all()).toEqual([]);
  });
});
