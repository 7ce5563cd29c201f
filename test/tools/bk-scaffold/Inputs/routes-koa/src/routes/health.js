const Router = require('koa-router');

const router = new Router();
router.prefix('/health');

/**
 * @openapi
 * /health:
 *   get:
 *     summary: Liveness probe
 *     responses:
 *       '200':
 *         description: Up
 */
router.get('/', (ctx) => {
  ctx.body = { ok: true };
});

module.exports = router;
