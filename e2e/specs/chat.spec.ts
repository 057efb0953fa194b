import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { DESKTOP, PHONE, type PageOptions, launchBrowser, newContext, screenshot } from '../support/browser';
import { eventually, fitsWidth, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { gradientPng } from '../support/png';

/** One painter in their own browser context (own cookies, own socket). */
interface Painter {
  readonly username: string;
  readonly displayName: string;
  readonly context: BrowserContext;
  readonly page: Page;
}

describe('chat', () => {
  let app: RunningApp;
  let browser: Browser;
  const opened: BrowserContext[] = [];
  const problems: string[] = [];

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function painter(prefix: string, displayName: string, options: PageOptions = {}): Promise<Painter> {
    const context = await newContext(browser, app.baseUrl, options);
    opened.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${displayName}: ${error.message}`));
    const username = uniqueUsername(prefix);
    await signUpThroughApi(page, username, displayName);
    return { username, displayName, context, page };
  }

  /** Closes the test's contexts; the page must not have thrown meanwhile. */
  async function finish(...shots: [Page, string][]): Promise<void> {
    for (const [page, name] of shots) {
      await screenshot(page, name).catch(() => undefined);
    }
    for (const context of opened.splice(0)) {
      await context.close();
    }
    const thrown = problems.splice(0);
    assert.deepEqual(thrown, [], 'no page threw');
  }

  const list = (page: Page): Locator => page.locator('app-conversation-list');
  const thread = (page: Page): Locator =>
    page.locator('app-message-thread').getByRole('list', { name: 'Messages' });
  const online = (page: Page): Locator => page.getByRole('list', { name: 'Painters online' });
  const composer = (page: Page): Locator => page.getByRole('textbox', { name: 'Message' });

  async function send(page: Page, text: string): Promise<void> {
    await composer(page).fill(text);
    await composer(page).press('Enter');
    await eventually(async () => assert.equal(await composer(page).inputValue(), ''));
  }

  it('two painters: presence, the public room, a direct chat with typing, unread, Seen and delete', async () => {
    const anna = await painter('anna', 'Anna Petrova');
    const ben = await painter('ben', 'Ben Okafor', { colorScheme: 'dark' });
    try {
      // Both open /chat: on a wide screen that is the public room, and each sees the other online.
      await anna.page.goto('/chat');
      await ben.page.goto('/chat');
      await anna.page.waitForURL('**/chat/public');
      await ben.page.waitForURL('**/chat/public');
      await online(anna.page).getByRole('link', { name: 'Ben Okafor' }).waitFor();
      await online(ben.page)
        .getByRole('link', { name: /Anna Petrova/ })
        .waitFor();
      assert.equal(
        await online(anna.page).getByRole('link', { name: 'Ben Okafor' }).getAttribute('href'),
        `/u/${ben.username}`,
      );
      assert.match(await anna.page.getByRole('heading', { name: /^Online/ }).innerText(), /2/);

      // The public room: each sees what the other wrote.
      await send(anna.page, 'Morning, everyone! <b>Not bold</b>');
      await thread(ben.page).getByText('Morning, everyone! <b>Not bold</b>').waitFor();
      assert.equal(await thread(ben.page).locator('b').count(), 0, 'messages are text, not HTML');
      await send(ben.page, 'Hi Anna —\nthe light is lovely today.');
      await thread(anna.page).getByText('the light is lovely today.').waitFor();
      await thread(anna.page).getByRole('link', { name: 'Ben Okafor' }).waitFor();
      await screenshot(anna.page, 'chat-desktop-public-room');
      await screenshot(ben.page, 'chat-desktop-public-room-dark');

      // Anna writes to Ben from his page.
      await anna.page.goto(`/u/${ben.username}`);
      await anna.page.getByRole('button', { name: 'Message' }).click();
      await anna.page.waitForURL(/\/chat\/(?!public$)[^/]+$/);
      const directId = new URL(anna.page.url()).pathname.split('/')[2];
      await anna.page.getByRole('heading', { name: 'Ben Okafor' }).waitFor();
      await send(anna.page, 'Ben, may I ask about your harbour sketch?');

      // Ben, still in the public room, sees it arrive with an unread badge, in the list and the header.
      const fromAnna = list(ben.page).getByRole('link', { name: /Anna Petrova/ });
      await fromAnna.getByText('1 unread').waitFor();
      await ben.page.getByRole('link', { name: 'Chat, 1 unread message' }).waitFor();
      assert.match(await fromAnna.innerText(), /may I ask about your harbour sketch/);

      // Anna types; Ben sees it in the list.
      await composer(anna.page).pressSequentially('The reflections in the water', { delay: 120 });
      await fromAnna.getByText('Anna Petrova is typing…').waitFor();
      await screenshot(ben.page, 'chat-desktop-unread-and-typing-dark');

      // Ben opens it: the message is there, the badges go, and Anna sees "Seen".
      await fromAnna.click();
      await ben.page.waitForURL(`**/chat/${directId}`);
      await thread(ben.page).getByText('Ben, may I ask about your harbour sketch?').waitFor();
      await eventually(async () => assert.equal(await fromAnna.getByText('unread').count(), 0));
      await ben.page.getByRole('link', { name: 'Chat', exact: true }).waitFor();
      await thread(anna.page).getByText('Seen', { exact: true }).waitFor();

      // After a reload "Seen" comes from Ben's read position in the api, not from a live event.
      await anna.page.reload();
      await thread(anna.page).getByText('Ben, may I ask about your harbour sketch?').waitFor();
      await thread(anna.page).getByText('Seen', { exact: true }).waitFor();
      await screenshot(anna.page, 'chat-desktop-seen-after-reload');
      // The reload dropped Anna's draft: she types it again.
      await send(anna.page, 'The reflections in the water');
      await thread(ben.page).getByText('The reflections in the water').waitFor();
      await send(ben.page, 'Of course — ask away.');
      await thread(anna.page).getByText('Of course — ask away.').waitFor();
      await screenshot(anna.page, 'chat-desktop-direct');

      // Ben deletes the conversation: gone from his list, still whole for Anna.
      await ben.page.getByRole('button', { name: 'Delete conversation' }).click();
      await ben.page.getByRole('alertdialog').getByRole('button', { name: 'Delete conversation' }).click();
      await ben.page.waitForURL(/\/chat(\/public)?$/);
      await eventually(async () =>
        assert.equal(
          await list(ben.page)
            .getByRole('link', { name: /Anna Petrova/ })
            .count(),
          0,
        ),
      );
      await anna.page.reload();
      await thread(anna.page).getByText('Of course — ask away.').waitFor();
      assert.equal(await thread(anna.page).getByText('Ben, may I ask about your harbour sketch?').count(), 1);
      await list(anna.page)
        .getByRole('link', { name: /Ben Okafor/ })
        .waitFor();
    } finally {
      await finish(
        [anna.page, 'two-painters-presence-the-public-room-a-direct-chat'],
        [ben.page, 'two-painters-presence-the-public-room-a-direct-chat-ben'],
      );
    }
  });

  it('a reply, a reaction and an edit show on the other side; search jumps to the message', async () => {
    const anna = await painter('anna', 'Anna Petrova');
    const ben = await painter('ben', 'Ben Okafor');
    try {
      await anna.page.goto('/chat/public');
      await send(anna.page, 'The harbour at dawn, in watercolour');

      await anna.page.goto(`/u/${ben.username}`);
      await anna.page.getByRole('button', { name: 'Message' }).click();
      await anna.page.waitForURL(/\/chat\/(?!public$)[^/]+$/);
      const directPath = new URL(anna.page.url()).pathname;
      await send(anna.page, 'Which blue for the sky?');

      await ben.page.goto(directPath);
      const bubble = (page: Page, text: string): Locator =>
        thread(page).locator('app-message-bubble', { hasText: text });

      // Ben replies from the message's action menu (hover shows it).
      await bubble(ben.page, 'Which blue for the sky?').hover();
      await bubble(ben.page, 'Which blue for the sky?').getByRole('button', { name: 'Reply' }).click();
      await ben.page.getByText('Replying to').waitFor();
      await send(ben.page, 'Cerulean, thinly');
      const reply = bubble(anna.page, 'Cerulean, thinly');
      await reply.getByRole('button', { name: 'Show the message from Anna Petrova this answers' }).waitFor();
      assert.match(await reply.innerText(), /Which blue for the sky\?/);

      // Anna reacts; Ben sees the chip with its count.
      await reply.hover();
      await reply.getByRole('button', { name: 'React', exact: true }).click();
      await reply.getByRole('button', { name: 'React with 👍' }).click();
      await bubble(ben.page, 'Cerulean, thinly')
        .getByRole('button', { name: /^👍 1: Anna Petrova/ })
        .waitFor();

      // Ben edits his reply; Anna sees the new words marked as edited.
      await bubble(ben.page, 'Cerulean, thinly').hover();
      await bubble(ben.page, 'Cerulean, thinly').getByRole('button', { name: 'Edit' }).click();
      await composer(ben.page).fill('Cerulean, very thinly');
      await composer(ben.page).press('Enter');
      const edited = bubble(anna.page, 'Cerulean, very thinly');
      await edited.getByText('(edited)').waitFor();
      await screenshot(anna.page, 'chat-desktop-reply-reaction-edit');

      // Ben searches and lands on Anna's public message.
      await list(ben.page).getByRole('searchbox', { name: 'Search messages' }).fill('harbour');
      const hit = ben.page
        .getByRole('navigation', { name: 'Search results' })
        .getByRole('button', { name: /harbour at dawn/ });
      await hit.click();
      await ben.page.waitForURL('**/chat/public');
      const found = bubble(ben.page, 'The harbour at dawn, in watercolour');
      await eventually(async () => assert.match((await found.getAttribute('class')) ?? '', /\bfocused\b/));
      assert.ok(await found.isVisible());
    } finally {
      await finish([anna.page, 'chat-reply-reaction-edit-anna'], [ben.page, 'chat-search-jump-ben']);
    }
  });

  it('the public room badge: counted by the api, kept over a reload, gone once read', async () => {
    const ivy = await painter('ivy', 'Ivy Chen');
    const jon = await painter('jon', 'Jon Berg', { viewport: PHONE });
    try {
      await ivy.page.goto('/chat/public');
      await composer(ivy.page).waitFor();
      // Jon has read the room so far, then goes back to his list.
      await jon.page.goto('/chat/public');
      await composer(jon.page).waitFor();
      await jon.page.getByRole('link', { name: 'All conversations' }).click();
      await jon.page.waitForURL(/\/chat$/);
      const room = list(jon.page).getByRole('link', { name: /Public room/ });
      await room.waitFor();

      await send(ivy.page, 'Who is coming to the harbour on Sunday?');
      await send(ivy.page, 'Bring warm colours.');
      await room.getByText('2 unread').waitFor();
      // After a reload the count comes from the api.
      await jon.page.reload();
      await room.getByText('2 unread').waitFor();
      await screenshot(jon.page, 'phone-chat-list-public-badge');

      await room.click();
      await thread(jon.page).getByText('Bring warm colours.').waitFor();
      await jon.page.getByRole('link', { name: 'All conversations' }).click();
      await jon.page.waitForURL(/\/chat$/);
      await eventually(async () => {
        await jon.page.reload();
        await room.waitFor();
        assert.equal(await room.getByText('unread').count(), 0);
      });
    } finally {
      await finish([ivy.page, 'public-room-badge-ivy'], [jon.page, 'public-room-badge-jon']);
    }
  });

  it('files: a picture that enlarges, a file to download', async () => {
    const clara = await painter('clara', 'Clara Vasquez');
    try {
      await clara.page.goto('/chat/public');
      await composer(clara.page).waitFor();
      await clara.page.locator('app-composer input[type=file]').setInputFiles([
        { name: 'harbour.png', mimeType: 'image/png', buffer: gradientPng(320, 200) },
        { name: 'palette.txt', mimeType: 'text/plain', buffer: Buffer.from('ultramarine\nburnt sienna\n') },
      ]);
      const picture = thread(clara.page).getByRole('button', { name: 'Enlarge picture harbour.png' });
      await picture.waitFor({ timeout: 20_000 });
      const file = thread(clara.page).getByRole('link', { name: /palette\.txt/ });
      await file.waitFor();
      assert.equal(await file.getAttribute('download'), 'palette.txt');
      assert.match(
        await list(clara.page)
          .getByRole('link', { name: /Public room/ })
          .innerText(),
        /You: Sent a/,
      );

      await picture.click();
      const viewer = clara.page.getByRole('dialog');
      await viewer.getByRole('img', { name: 'harbour.png' }).waitFor();
      await screenshot(clara.page, 'chat-desktop-picture-viewer');
      await clara.page.keyboard.press('Escape');
      await eventually(async () => assert.equal(await viewer.count(), 0));
      await screenshot(clara.page, 'chat-desktop-files');
    } finally {
      await finish([clara.page, 'files']);
    }
  });

  it('sending too fast: the refused message goes back into the composer with the reason', async () => {
    const hana = await painter('hana', 'Hana Sato', { colorScheme: 'dark' });
    try {
      await hana.page.goto('/chat/public');
      await composer(hana.page).waitFor();
      // The server allows 10 messages in 10 seconds; the 11th comes back.
      for (let n = 1; n <= 11; n++) {
        await composer(hana.page).fill(`Quick note ${n}`);
        await composer(hana.page).press('Enter');
      }
      const refusal = hana.page.locator('app-composer').getByRole('alert');
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /^Too many messages, try again in \d+ seconds?\.$/);
      assert.equal(await composer(hana.page).inputValue(), 'Quick note 11');
      await thread(hana.page).getByText('Quick note 10', { exact: true }).waitFor();
      assert.equal(await thread(hana.page).getByText('Quick note 11', { exact: true }).count(), 0);
      await screenshot(hana.page, 'chat-desktop-refused-dark');
    } finally {
      await finish([hana.page, 'sending-too-fast']);
    }
  });

  it('phone: the list with who is online, a conversation with a back button, both themes', async () => {
    const dora = await painter('dora', 'Dora Lindqvist', { viewport: PHONE });
    const eli = await painter('eli', 'Eli Navarro', { viewport: PHONE, colorScheme: 'dark' });
    try {
      await eli.page.goto('/chat');
      await list(eli.page)
        .getByRole('link', { name: /Public room/ })
        .waitFor();
      await dora.page.goto('/chat');
      await list(dora.page)
        .getByRole('link', { name: /Public room/ })
        .waitFor();
      assert.ok(dora.page.url().endsWith('/chat'), 'phones stay on the list');

      // The online panel is folded; opening it shows Eli.
      const toggle = dora.page.getByRole('button', { name: /Online/ });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      await online(dora.page).getByRole('link', { name: 'Eli Navarro' }).waitFor();
      assert.ok(await fitsWidth(dora.page), 'the list fits 390 px');
      await screenshot(dora.page, 'phone-chat-list');

      await list(dora.page)
        .getByRole('link', { name: /Public room/ })
        .click();
      await dora.page.waitForURL('**/chat/public');
      await send(dora.page, 'Hello from the train!');
      await eli.page.getByRole('link', { name: /Public room/ }).click();
      await thread(eli.page).getByText('Hello from the train!').waitFor();
      assert.ok(await fitsWidth(eli.page), 'the conversation fits 390 px');
      await screenshot(eli.page, 'phone-chat-conversation-dark');

      await dora.page.getByRole('link', { name: 'All conversations' }).click();
      await dora.page.waitForURL(/\/chat$/);
      await list(dora.page)
        .getByRole('link', { name: /Public room/ })
        .waitFor();
    } finally {
      await finish([dora.page, 'phone-chat-list-after'], [eli.page, 'phone-chat-conversation-after']);
    }
  });

  it('a new group: members picked by name, admin controls for the admin only', async () => {
    const fay = await painter('fay', 'Fay Morgan', { viewport: DESKTOP });
    const gus = await painter('gus', 'Gus Halloran', { viewport: DESKTOP });
    try {
      await fay.page.goto('/chat/public');
      await fay.page.getByRole('button', { name: 'New group' }).click();
      const dialog = fay.page.getByRole('dialog');
      await dialog.getByLabel('Name').fill('Plein air Sundays');
      const members = dialog.getByRole('combobox', { name: 'Members' });
      await members.fill(gus.username);
      await dialog.getByRole('option', { name: /Gus Halloran/ }).click();
      await dialog.getByRole('list', { name: 'Chosen members' }).getByText('Gus Halloran').waitFor();
      await dialog.getByRole('button', { name: 'Create group' }).click();
      await fay.page.getByRole('heading', { name: 'Plein air Sundays' }).waitFor();
      await send(fay.page, 'First outing: the old harbour, 9 am.');

      await gus.page.goto('/chat');
      const group = list(gus.page).getByRole('link', { name: /Plein air Sundays/ });
      await group.getByText('1 unread').waitFor();
      await group.click();
      await thread(gus.page).getByText('First outing: the old harbour, 9 am.').waitFor();
      await thread(gus.page).getByRole('link', { name: 'Fay Morgan' }).waitFor();

      // Gus is a member: he can leave, but not rename or remove.
      await gus.page.getByRole('button', { name: 'Group settings' }).click();
      const settings = gus.page.getByRole('dialog');
      await settings.getByRole('button', { name: 'Leave group' }).waitFor();
      assert.equal(await settings.getByRole('button', { name: /Remove|Make admin|Rename/ }).count(), 0);
      await gus.page.keyboard.press('Escape');

      // Fay, the admin, makes him an admin too.
      await fay.page.getByRole('button', { name: 'Group settings' }).click();
      const admin = fay.page.getByRole('dialog');
      await admin.getByRole('button', { name: 'Make admin' }).click();
      await admin.getByText('Gus Halloran is now an admin.').waitFor();
      await screenshot(fay.page, 'chat-desktop-group-settings');
    } finally {
      await finish([fay.page, 'a-new-group'], [gus.page, 'a-new-group-gus']);
    }
  });
});
