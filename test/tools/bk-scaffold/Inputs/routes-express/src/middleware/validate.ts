import type { NextFunction, Request, Response } from 'express';
import type { ZodTypeAny } from 'zod';

type Parts = { body?: ZodTypeAny; query?: ZodTypeAny; params?: ZodTypeAny };

export const validate =
  (schemas: Parts) => (req: Request, res: Response, next: NextFunction) => {
    for (const [part, schema] of Object.entries(schemas)) {
      const result = schema!.safeParse((req as any)[part]);
      if (!result.success) return res.status(400).json(result.error.issues);
    }
    next();
  };

export function validateBody<T extends ZodTypeAny>(schema: T) {
  return validate({ body: schema });
}
