import type { User } from '../schemas';

const users = new Map<string, User>();
export async function list(_q: unknown): Promise<User[]> { return [...users.values()]; }
export async function create(u: Omit<User, 'id'>): Promise<User> { const id = crypto.randomUUID(); const x = { ...u, id } as User; users.set(id, x); return x; }
export async function get(id: string) { return users.get(id); }
export async function update(id: string, patch: Partial<User>) { const u = { ...users.get(id)!, ...patch }; users.set(id, u); return u; }
export async function remove(id: string) { users.delete(id); }
