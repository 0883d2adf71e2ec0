/** Channels and metrics every journey may use without declaring them. */

export type ChannelType = 'digital' | 'physical' | 'human';
export type MetricDirection = 'up' | 'down';

export interface ChannelDefinition {
  id: string;
  name: string;
  type: ChannelType;
  description?: string;
}

export interface MetricDefinition {
  id: string;
  name: string;
  direction: MetricDirection;
  unit?: string;
  range?: [number, number];
  description?: string;
}

export const BUILTIN_CHANNELS: readonly ChannelDefinition[] = [
  { id: 'web', name: 'Website', type: 'digital' },
  { id: 'app', name: 'Mobile app', type: 'digital' },
  { id: 'email', name: 'Email', type: 'digital' },
  { id: 'sms', name: 'SMS', type: 'digital' },
  { id: 'push', name: 'Push notification', type: 'digital' },
  { id: 'chat', name: 'Chat', type: 'digital' },
  { id: 'phone', name: 'Phone', type: 'human' },
  { id: 'video', name: 'Video call', type: 'human' },
  { id: 'social', name: 'Social media', type: 'digital' },
  { id: 'store', name: 'Store', type: 'physical' },
  { id: 'mail', name: 'Postal mail', type: 'physical' },
  { id: 'kiosk', name: 'Kiosk', type: 'physical' },
  { id: 'partner', name: 'Partner', type: 'human' },
  { id: 'ads', name: 'Advertising', type: 'digital' },
];

export const BUILTIN_METRICS: readonly MetricDefinition[] = [
  { id: 'nps', name: 'Net Promoter Score', direction: 'up', range: [-100, 100] },
  { id: 'csat', name: 'Customer satisfaction', unit: '%', direction: 'up', range: [0, 100] },
  { id: 'ces', name: 'Customer effort score', direction: 'up', range: [1, 7] },
  { id: 'churn', name: 'Churn rate', unit: '%', direction: 'down', range: [0, 100] },
  { id: 'retention', name: 'Retention rate', unit: '%', direction: 'up', range: [0, 100] },
  { id: 'conversion', name: 'Conversion rate', unit: '%', direction: 'up', range: [0, 100] },
  { id: 'dropoff', name: 'Drop-off rate', unit: '%', direction: 'down', range: [0, 100] },
  { id: 'fcr', name: 'First contact resolution', unit: '%', direction: 'up', range: [0, 100] },
  { id: 'aht', name: 'Average handling time', unit: 's', direction: 'down' },
  { id: 'clv', name: 'Customer lifetime value', unit: 'currency', direction: 'up' },
  { id: 'cost', name: 'Cost to serve', unit: 'currency', direction: 'down' },
];
