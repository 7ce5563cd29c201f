// An Express application as teams write them: a versioned API router
// mounting feature routers from other files (ESM and CommonJS), middleware
// chains, a JSDoc @openapi block.
import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import { usersRouter } from './routes/users.js';
import ordersRouter from './routes/orders';
import { requireAuth } from './middleware/auth';

export const app = express();
app.set('trust proxy', 1);
app.use(helmet());
app.use(express.json({ limit: '1mb' }));

const api = express.Router({ mergeParams: true });
api.use('/users', usersRouter);
api.use('/orders', requireAuth, ordersRouter);
app.use('/api/v1', api);

/**
 * @openapi
 * /health:
 *   get:
 *     summary: Liveness probe
 *     tags: [ops]
 *     responses:
 *       '200':
 *         description: The service is up
 */
app.get('/health', (_req: Request, res: Response) => {
  res.json({ ok: true });
});

if (app.get('env') === 'development') {
  app.get('/debug/routes', (_req, res) => res.json([]));
}

export default app;
