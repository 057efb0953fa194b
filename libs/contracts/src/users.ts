export type Role = 'user' | 'admin';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface Me extends UserSummary {
  bio: string;
  role: Role;
  createdAt: string;
}

/** Who is signed in on this browser, without a 401 when nobody is: what the app asks at start-up. */
export interface SessionState {
  me: Me | null;
}

export interface Profile extends UserSummary {
  bio: string;
  createdAt: string;
  albumCount: number;
  followerCount: number;
  followingCount: number;
  followedByMe: boolean;
}

export interface RegisterRequest {
  username: string;
  password: string;
  displayName?: string;
}

export interface LoginRequest {
  username: string;
  password: string;
  remember?: boolean;
}

export interface UpdateProfileRequest {
  displayName?: string;
  bio?: string;
  username?: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface FollowState {
  followerCount: number;
  followedByMe: boolean;
}
