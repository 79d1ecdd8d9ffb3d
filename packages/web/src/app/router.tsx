import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../components/layout/app-layout';
import { AuthLayout } from '../components/layout/auth-layout';
import { RouteError } from '../components/common/route-error';

/*
 * Each page is its own chunk (React.lazy): the first paint of the overview loads only the shell
 * and the overview, and ECharts arrives only with the SKU page. scripts/bundle-size.mjs enforces it.
 */
const OverviewPage = lazy(() => import('../routes/overview/dashboard/overview-page'));
const InventoryPage = lazy(() => import('../routes/inventory/list/inventory-page'));
const ProductDetailPage = lazy(() => import('../routes/products/detail/product-detail-page'));
const LookupPage = lazy(() => import('../routes/lookup/scan/lookup-page'));
const RestockPage = lazy(() => import('../routes/restock/list/restock-page'));
const PurchaseOrdersPage = lazy(() => import('../routes/purchasing/list/purchase-orders-page'));
const PurchaseOrderPage = lazy(() => import('../routes/purchasing/detail/purchase-order-page'));
const ReceivePage = lazy(() => import('../routes/purchasing/receive/receive-page'));
const ProductLabelsPage = lazy(() => import('../routes/labels/print/product-labels-page'));
const PurchaseOrderLabelsPage = lazy(() => import('../routes/labels/print/purchase-order-labels-page'));
const AlertsPage = lazy(() => import('../routes/alerts/list/alerts-page'));
const HealthPage = lazy(() => import('../routes/health/index/health-page'));
const SuppliersPage = lazy(() => import('../routes/suppliers/list/suppliers-page'));
const ProfitPage = lazy(() => import('../routes/profit/report/profit-page'));
const OrdersPage = lazy(() => import('../routes/orders/index/orders-page'));
const JobsPage = lazy(() => import('../routes/jobs/list/jobs-page'));
const SettingsPage = lazy(() => import('../routes/settings/index/settings-page'));
const LoginPage = lazy(() => import('../routes/auth/login/login-page'));
const SetupPage = lazy(() => import('../routes/auth/setup/setup-page'));
const NotFoundPage = lazy(() => import('../routes/errors/not-found/not-found-page'));

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
      { path: 'purchase-orders', element: <PurchaseOrdersPage /> },
      { path: 'purchase-orders/:number', element: <PurchaseOrderPage /> },
      { path: 'purchase-orders/:number/receive', element: <ReceivePage /> },
      { path: 'products/:sku/labels', element: <ProductLabelsPage /> },
      { path: 'purchase-orders/:number/labels', element: <PurchaseOrderLabelsPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'health', element: <HealthPage /> },
      { path: 'suppliers', element: <SuppliersPage /> },
      { path: 'profit', element: <ProfitPage /> },
      { path: 'orders/:tab?', element: <OrdersPage /> },
      { path: 'jobs', element: <JobsPage /> },
      { path: 'settings/:tab?', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
