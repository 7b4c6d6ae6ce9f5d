import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { RegisterForm } from "../../../components/auth/RegisterForm";
import { SignedOutCard } from "../../../components/layout/AuthCard";

export function RegisterPage() {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  return (
    <SignedOutCard
      title={t("register.title")}
      description={t("register.description")}
      footer={
        <>
          {t("register.haveAccount")} <Link to="/signin">{t("register.signIn")}</Link>
        </>
      }
    >
      <RegisterForm onRegistered={() => navigate("/account", { replace: true })} />
    </SignedOutCard>
  );
}
