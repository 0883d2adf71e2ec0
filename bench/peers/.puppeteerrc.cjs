// The Mermaid CLI (a benchmark peer) depends on the full puppeteer, whose install script would
// download a browser: machines without general internet access cannot fetch one, and the
// benchmark points the CLI at the system's Chromium instead.
module.exports = { skipDownload: true };
