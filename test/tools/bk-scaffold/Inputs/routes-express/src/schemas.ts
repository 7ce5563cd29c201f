import { z } from 'zod';

export const UserSchema = z.object({
  id: z.string().uuid(),
  email: z.string().email(),
  name: z.string().min(1).max(100),
  age: z.number().int().nonnegative().optional(),
  role: z.enum(['admin', 'member']).default('member'),
});

export const CreateUserSchema = UserSchema.omit({ id: true });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

export type User = z.infer<typeof UserSchema>;
