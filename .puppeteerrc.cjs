// Never download a browser at install time: machines without general internet
// access cannot fetch one. cjm finds a system Chromium at run time instead.
module.exports = { skipDownload: true };
