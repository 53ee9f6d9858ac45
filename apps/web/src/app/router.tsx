// The data router built from app/routes.tsx: the shell around everything, guards by access.
import { useState } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { Shell } from './Shell';
import { screens, type Access } from './routes';
import { logInPath, useSession } from './session';
import { Loading, NotFound, RouteError } from './RouteError';

function Guard({ access }: { access: Access }) {
  const { signedIn } = useSession();
  // Guest screens send away only who arrived signed in: one that just signed someone in
  // navigates on by itself (to `next`, or to create an organization).
  const [arrivedSignedIn] = useState(signedIn);
  const location = useLocation();
  if (access === 'member' && !signedIn)
    return <Navigate to={logInPath(location.pathname + location.search)} replace />;
  if (access === 'guest' && arrivedSignedIn) return <Navigate to="/" replace />;
  return <Outlet />;
}

export function createRouter() {
  const byAccess = (access: Access): RouteObject => ({
    element: <Guard key={access} access={access} />, // keyed: each access level keeps its own state
    children: screens.filter((s) => s.access === access).map((s) => ({ path: s.path, lazy: s.load })),
  });
  return createBrowserRouter([
    {
      element: <Shell />,
      errorElement: <RouteError />,
      // Shown while the first screen's lazy chunk loads (the router's initial "hydration").
      hydrateFallbackElement: <Loading />,
      children: [
        byAccess('public'),
        byAccess('guest'),
        byAccess('member'),
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;
