import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The explorer page opened in a browser of its own, recording every request it makes (the page,
 * its scripts, the editors' workers, the GraphQL requests): `foreignRequests` must stay empty for
 * an explorer that works offline.
 */
export class ExplorerSession {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly origin: string,
    private readonly requests: string[],
  ) {}

  static async open(browser: Browser, url: string): Promise<ExplorerSession> {
    // Tall enough for the editors to render every line of the answer (Monaco renders the lines in view only).
    const context = await browser.newContext({ viewport: { width: 1400, height: 4000 } });
    const requests: string[] = [];
    context.on("request", (request) => requests.push(request.url()));
    const page = await context.newPage();
    await page.goto(url);
    const session = new ExplorerSession(context, page, new URL(url).origin, requests);
    await session.executeButton().waitFor();
    return session;
  }

  /** The text of one of GraphiQL's editors: "Operation Editor", "Headers", "Result Window". */
  async editor(name: string): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is wanted (Monaco's lines as lines); textContent would run them together
    const text = await this.page.getByRole("region", { name }).innerText();
    // Monaco renders spaces as no-break spaces.
    return text.replace(/\u00a0/g, " ");
  }

  /** Runs the operation in the editor with the run button, and returns the answer once it is shown. */
  async run(): Promise<string> {
    await expect.poll(() => this.editor("Operation Editor"), { timeout: 30_000 }).toMatch(/\bquery \w+/);
    await this.executeButton().click();
    await expect.poll(() => this.editor("Result Window"), { timeout: 60_000 }).toMatch(/"(data|errors)"/);
    return this.editor("Result Window");
  }

  /** Every URL requested that is not on the server's own origin. */
  foreignRequests(): string[] {
    return this.requests.filter((url) => new URL(url).origin !== this.origin);
  }

  /** How many requests the page made, all told. */
  get requestCount(): number {
    return this.requests.length;
  }

  close(): Promise<void> {
    return this.context.close();
  }

  private executeButton() {
    return this.page.getByRole("button", { name: /^Execute query/ });
  }
}
