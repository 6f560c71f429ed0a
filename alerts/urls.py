from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("demande-envoyee/", views.requested, name="requested"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("gerer/<str:token>/", views.manage, name="manage"),
    path("desabonner/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
