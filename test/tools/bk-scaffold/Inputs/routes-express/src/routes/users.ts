import { Router } from 'express';
import { CreateUserSchema, PageQuery, UserSchema } from '../schemas';
import { validate, validateBody } from '../middleware/validate';
import * as users from '../services/users';

export const usersRouter = Router();

usersRouter.get('/', validate({ query: PageQuery }), async (req, res) => {
  res.json(await users.list(req.query));
});

usersRouter.post('/', validateBody(CreateUserSchema), async (req, res) => {
  const user = await users.create(req.body);
  res.status(201).json(user);
});

usersRouter
  .route('/:userId')
  .get(async (req, res) => {
    const user = await users.get(req.params.userId);
    if (!user) return res.status(404).json({ error: 'not found' });
    res.json(user);
  })
  .patch(validateBody(UserSchema.partial()), updateUser)
  .delete(async (req, res) => {
    await users.remove(req.params.userId);
    res.sendStatus(204);
  });

async function updateUser(req: any, res: any) {
  res.json(await users.update(req.params.userId, req.body));
}
