/**
 * Signaaltafel sessions (issue 5; split by issue 15): the model, rules and schemas (model.ts), the ports
 * (ports.ts), the minutes and their rendering (minutes.ts) and the service (service.ts).
 */
export * from './model';
export * from './ports';
export * from './minutes';
export * from './service';
