import { ChartColumn, DatabaseBackup, FileText, Hourglass, Inbox, LayoutDashboard, ScrollText, Settings, Send, ShieldAlert, UserCog, UserRoundX, UsersRound, type LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
// In sidebar order, which is also the order of the screens' stylesheets in the bundle.
import { Dashboard } from '../screens/dashboard/Dashboard';
import { PeopleScreen } from '../screens/people/PeopleScreen';
import { LapsedScreen } from '../screens/lapsed/LapsedScreen';
import { RetentionScreen } from '../screens/retention/RetentionScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { TransfersScreen } from '../screens/transfers/TransfersScreen';
import { RequestsScreen } from '../screens/requests/RequestsScreen';
import { BreachesScreen } from '../screens/breaches/BreachesScreen';
import { DocumentsScreen } from '../screens/documents/DocumentsScreen';
import { JournalScreen } from '../screens/journal/JournalScreen';
import { BackupsScreen } from '../screens/backup/BackupsScreen';
import { UsersScreen } from '../screens/users/UsersScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';

export interface ScreenDef {
  /** The URL hash (#/id), the i18n key nav.<id>, and data-testid nav-<id>. */
  id: string;
  icon: LucideIcon;
  component: ComponentType;
  /** Pinned to the bottom of the sidebar (Backups, Users, Settings). */
  bottom?: boolean;
  /** Not in the sidebar: reached from another screen, whose item is marked current meanwhile. */
  parent?: string;
}

/**
 * The screens of the app, in sidebar order. A capability's screen is added here when it exists
 * (People, Consents, Retention, Reports, Requests, Breaches came with their issues).
 */
export const SCREENS: ScreenDef[] = [
  { id: 'dashboard', icon: LayoutDashboard, component: Dashboard },
  { id: 'people', icon: UsersRound, component: PeopleScreen },
  // People processed without a basis (Art. 7(1), 9): from the dashboard's tile and the register.
  { id: 'lapsed', icon: UserRoundX, component: LapsedScreen, parent: 'people' },
  { id: 'retention', icon: Hourglass, component: RetentionScreen },
  { id: 'reports', icon: ChartColumn, component: ReportsScreen },
  // Every user sees the recipients, the notices owed and the ledger; only a role that may export
  // rows transfers data that identifies people.
  { id: 'transfers', icon: Send, component: TransfersScreen },
  // Every user takes requests and records breaches: the clocks of the law do not wait for anyone.
  { id: 'requests', icon: Inbox, component: RequestsScreen },
  { id: 'breaches', icon: ShieldAlert, component: BreachesScreen },
  // Every user sees where the papers stand; only the responsible person produces them.
  { id: 'documents', icon: FileText, component: DocumentsScreen },
  { id: 'journal', icon: ScrollText, component: JournalScreen },
  // Every user sees the backups and the reminder; only the responsible person makes and deletes them.
  { id: 'backups', icon: DatabaseBackup, component: BackupsScreen, bottom: true },
  // Every user sees who uses the vault; only the responsible person manages them.
  { id: 'users', icon: UserCog, component: UsersScreen, bottom: true },
  { id: 'settings', icon: Settings, component: SettingsScreen, bottom: true },
];

export const DEFAULT_SCREEN = 'dashboard';
