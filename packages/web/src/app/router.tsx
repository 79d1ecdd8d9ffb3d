import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../components/layout/app-layout';
import { AuthLayout } from '../components/layout/auth-layout';
import { RouteError } from '../components/common/route-error';

/*
 * Each page is its own chunk (React.lazy): the first paint of the overview loads only the shell
 * and the overview, and ECharts arrives only with the SKU page. scripts/bundle-size.mjs enforces it.
 */
const OverviewPage = lazy(() => import('../overview/overview-page'));
const InventoryPage = lazy(() => import('../ledger/inventory/inventory-page'));
const ProductDetailPage = lazy(() => import('../catalog/product-detail/product-detail-page'));
const LookupPage = lazy(() => import('../catalog/lookup/lookup-page'));
const RestockPage = lazy(() => import('../replenishment/restock/restock-page'));
const PurchaseOrdersPage = lazy(() => import('../replenishment/purchasing/list/purchase-orders-page'));
const PurchaseOrderPage = lazy(() => import('../replenishment/purchasing/detail/purchase-order-page'));
const ReceivePage = lazy(() => import('../replenishment/purchasing/receive/receive-page'));
const ProductLabelsPage = lazy(() => import('../catalog/labels/product-labels-page'));
const PurchaseOrderLabelsPage = lazy(() => import('../catalog/labels/purchase-order-labels-page'));
const AlertsPage = lazy(() => import('../alerts/alerts-page'));
const ForecastAccuracyPage = lazy(() => import('../forecasting/accuracy/accuracy-page'));
const HealthPage = lazy(() => import('../health/health-page'));
const ClearancePage = lazy(() => import('../health/clearance/clearance-page'));
const SuppliersPage = lazy(() => import('../replenishment/suppliers/suppliers-page'));
const ProfitPage = lazy(() => import('../reports/profit/profit-page'));
const ReconciliationPage = lazy(() => import('../channels/amazon/reconciliation-page'));
const StoragePage = lazy(() => import('../reports/storage/storage-page'));
const OrdersPage = lazy(() => import('../sales/orders-page'));
const OrderPage = lazy(() => import('../sales/order-page'));
const JobsPage = lazy(() => import('../jobs/jobs-page'));
const SettingsPage = lazy(() => import('../settings/settings-page'));
const LoginPage = lazy(() => import('../accounts/login/login-page'));
const SetupPage = lazy(() => import('../accounts/setup/setup-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

export const router = createBrowserRouter([
  {
    element: <AuthLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
    ],
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'inventory', element: <InventoryPage /> },
      { path: 'products/:sku', element: <ProductDetailPage /> },
      { path: 'lookup', element: <LookupPage /> },
      { path: 'restock', element: <RestockPage /> },
      { path: 'forecasts/accuracy', element: <ForecastAccuracyPage /> },
      { path: 'purchase-orders', element: <PurchaseOrdersPage /> },
      { path: 'purchase-orders/:number', element: <PurchaseOrderPage /> },
      { path: 'purchase-orders/:number/receive', element: <ReceivePage /> },
      { path: 'products/:sku/labels', element: <ProductLabelsPage /> },
      { path: 'purchase-orders/:number/labels', element: <PurchaseOrderLabelsPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'health', element: <HealthPage /> },
      { path: 'clearance', element: <ClearancePage /> },
      { path: 'storage', element: <StoragePage /> },
      { path: 'suppliers', element: <SuppliersPage /> },
      { path: 'profit', element: <ProfitPage /> },
      { path: 'channels/amazon/reconciliation', element: <ReconciliationPage /> },
      { path: 'orders/:tab?', element: <OrdersPage /> },
      { path: 'orders/view/:id', element: <OrderPage /> },
      { path: 'jobs', element: <JobsPage /> },
      { path: 'settings/:tab?', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
