export function importOverHttp(path: string, db: string, port: number): Promise<{ ms: number; rows: number; id: string }>;
