async function healthPlugin(app) {
  app.get('/health', async () => ({ ok: true }));
}

module.exports = { healthPlugin };
