/** Where the SharePoint store reports what an operator must know (never personal data). */
export interface StoreLogger {
  warn(message: string, meta?: Record<string, unknown>): void;
}
export const stderrLogger: StoreLogger = {
  warn: (message, meta) => process.stderr.write(`${JSON.stringify({ level: 'warn', component: 'sharepoint-store', message, ...meta })}\n`),
};
